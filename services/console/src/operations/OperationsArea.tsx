// The operations area (its own chunk): the system overview.
import { OverviewPage } from './OverviewPage.tsx';

export default function OperationsArea() {
  return <OverviewPage />;
}
