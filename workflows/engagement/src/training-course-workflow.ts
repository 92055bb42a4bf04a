import type { CourseCode } from '@cttech/domain';
import {
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  setHandler,
} from '@temporalio/workflow';
import { courseDeliveredSignal, courseStatusSignal, type CourseStatus } from './contract.ts';
import { conditionWithin, untilDate } from './workflow-time.ts';

export interface TrainingCourseInput {
  readonly engagementWorkflowId: string;
  readonly courseId: string;
  readonly course: CourseCode;
  /** Calendar dates, 'YYYY-MM-DD' (UTC). */
  readonly startDate: string;
  readonly endDate: string;
}

/**
 * One planned training course: waits for its start date, then for its end, then for its
 * delivery record, telling the engagement at each step. Cancelled with the engagement.
 */
export async function trainingCourseWorkflow(input: TrainingCourseInput): Promise<CourseStatus> {
  let delivered = false;
  setHandler(courseDeliveredSignal, () => {
    delivered = true;
  });
  const engagement = getExternalWorkflowHandle(input.engagementWorkflowId);
  const report = (status: CourseStatus) =>
    CancellationScope.nonCancellable(() =>
      engagement.signal(courseStatusSignal, { courseId: input.courseId, status }),
    );
  try {
    if (!(await conditionWithin(() => delivered, untilDate(input.startDate)))) {
      await report('IN_PROGRESS');
      // the course runs until the end of its last day
      if (!(await conditionWithin(() => delivered, untilDate(input.endDate, 1)))) {
        await report('AWAITING_DELIVERY');
        await condition(() => delivered);
      }
    }
    await report('DELIVERED');
    return 'DELIVERED';
  } catch (error) {
    if (isCancellation(error)) return 'CANCELLED';
    throw error;
  }
}
