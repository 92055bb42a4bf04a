// The escalations area (its own chunk): the programme manager's overdue reviews and the
// escalation notifications they received.
import { EscalationsPage } from './EscalationsPage.tsx';

export default function EscalationsArea() {
  return <EscalationsPage />;
}
