// Stand-ins for the gateway's ports that a unit test does not use: any call fails the test
// naming the port, so a route reaching further than the test expects cannot pass unnoticed.
import type { ComplianceMonitoring } from '../src/compliance/compliance-monitoring.ts';
import type { EngagementWorkflows } from '../src/engagements/engagement-workflows.ts';
import type { MessageOperations, WorkflowOperations } from '../src/operations/operations.ts';
import type { ServiceName, ServiceRelay } from '../src/services/service-client.ts';

function unused(port: string): () => never {
  return () => {
    throw new Error(`the ${port} port is not used by this test`);
  };
}

const engagements = unused('engagement workflows');
export const unusedEngagements: EngagementWorkflows = {
  open: engagements,
  list: engagements,
  status: engagements,
  recordWork: engagements,
  submitMilestone: engagements,
  suspend: engagements,
  resume: engagements,
  cancel: engagements,
};

const compliance = unused('compliance');
export const unusedCompliance: ComplianceMonitoring = {
  reviewQueue: compliance,
  review: compliance,
  decide: compliance,
  auditTrail: compliance,
  verifyAuditTrail: compliance,
  holds: compliance,
  placeHold: compliance,
  liftHold: compliance,
  indicators: compliance,
};

const messages = unused('message operations');
export const unusedMessages: MessageOperations = {
  deadLetters: messages,
  replayDeadLetter: messages,
  consumerLag: messages,
};

export const unusedWorkflows: WorkflowOperations = { overview: unused('workflow operations') };

function unusedService(service: ServiceName): ServiceRelay {
  const port = unused(`${service} service`);
  return { service, call: port, open: port };
}
export const unusedActivities = unusedService('activities');
export const unusedNotifications = unusedService('notifications');
