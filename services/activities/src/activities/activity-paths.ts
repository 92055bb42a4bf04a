// Where a request points, read from its path: the engagement, one of its activities and, below
// that, a session or a participant. Routes validate them as one object each.
import { z } from 'zod';

const id = z.string().min(1).max(200);

export const engagementPath = z.object({ engagementId: id });
export const activityPath = engagementPath.extend({ activityId: id });
export const sessionPath = activityPath.extend({ sessionId: id });
export const participantPath = activityPath.extend({ participantId: id });

export type EngagementPath = z.infer<typeof engagementPath>;
export type ActivityPath = z.infer<typeof activityPath>;
export type SessionPath = z.infer<typeof sessionPath>;
export type ParticipantPath = z.infer<typeof participantPath>;
