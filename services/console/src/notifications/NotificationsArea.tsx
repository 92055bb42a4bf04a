// The notifications area (its own chunk): the inbox, and the settings of where else one is told.
import { Route, Routes } from 'react-router';
import { InboxPage } from './InboxPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';

export default function NotificationsArea() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="settings" element={<SettingsPage />} />
    </Routes>
  );
}
