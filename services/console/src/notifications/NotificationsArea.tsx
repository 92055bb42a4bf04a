// The notifications area (its own chunk): the inbox.
import { InboxPage } from './InboxPage.tsx';

export default function NotificationsArea() {
  return <InboxPage />;
}
