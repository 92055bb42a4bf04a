// The results area (its own chunk, with the chart library): the programme results dashboard.
import { ResultsPage } from './ResultsPage.tsx';

export default function ResultsArea() {
  return <ResultsPage />;
}
