// The workflow bundle's entry: every workflow type this worker runs.
export { engagementWorkflow } from './engagement-workflow.ts';
export { trainingCourseWorkflow } from './training-course-workflow.ts';
