// The officer's forms for the current stage's work: the kick-off report, the needs
// assessment, the training (plan, deliveries, completion) or the strategy adoption.
import type { EngagementStatus } from '../../gateway/api-types.ts';
import { KickOffReportForm } from './KickOffReportForm.tsx';
import { NeedsAssessmentForm } from './NeedsAssessmentForm.tsx';
import { StrategyAdoptionForm } from './StrategyAdoptionForm.tsx';
import { TailoredTrainingWork } from './TailoredTrainingWork.tsx';

export function StageWorkForms({ engagement }: { readonly engagement: EngagementStatus }) {
  switch (engagement.stage) {
    case 'KICK_OFF':
      return <KickOffReportForm engagement={engagement} />;
    case 'NEEDS_ASSESSMENT':
      return <NeedsAssessmentForm engagement={engagement} />;
    case 'TAILORED_TRAINING':
      return <TailoredTrainingWork engagement={engagement} />;
    case 'STRATEGY_ADOPTION':
      return <StrategyAdoptionForm engagement={engagement} />;
    default:
      return null;
  }
}
