// The reviews area (its own chunk): the reviewer's queue and one review.
import { Route, Routes } from 'react-router';
import { QueuePage } from './QueuePage.tsx';
import { ReviewPage } from './ReviewPage.tsx';

export default function ReviewsArea() {
  return (
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path=":reviewId" element={<ReviewPage />} />
    </Routes>
  );
}
