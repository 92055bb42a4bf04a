// The engagements area (its own chunk): the board, and one engagement's page.
import { Route, Routes } from 'react-router';
import { BoardPage } from './BoardPage.tsx';
import { EngagementPage } from './EngagementPage.tsx';

export default function EngagementsArea() {
  return (
    <Routes>
      <Route index element={<BoardPage />} />
      <Route path=":engagementId" element={<EngagementPage />} />
    </Routes>
  );
}
