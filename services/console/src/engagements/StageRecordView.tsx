// What the officer recorded for a stage, as read-only facts: the kick-off report in its own
// words, the other stages' submissions as labelled lists of what they hold.
import type { MilestoneStage, StageRecord } from '@cttech/domain';
import { agencyTitles } from '../wording/engagement-words.ts';
import { formatDate } from '../wording/programme-words.ts';

export function StageRecordView({
  stage,
  record,
}: {
  readonly stage: MilestoneStage;
  readonly record: StageRecord;
}) {
  const parts = recordedFor(stage, record);
  if (parts.length === 0) return <p className="hint">Nothing is recorded for this stage yet.</p>;
  return (
    <div className="stage-record">
      {parts.map(({ title, value }) => (
        <section key={title}>
          <h3>{title}</h3>
          {stage === 'KICK_OFF' && record.kickOffReport !== undefined ? (
            <KickOffReportView report={record.kickOffReport} />
          ) : (
            <RecordedValue value={value} />
          )}
        </section>
      ))}
    </div>
  );
}

function recordedFor(
  stage: MilestoneStage,
  record: StageRecord,
): { title: string; value: unknown }[] {
  const parts: { title: string; value: unknown }[] = [];
  const add = (title: string, value: unknown) => {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0))
      parts.push({ title, value });
  };
  switch (stage) {
    case 'KICK_OFF':
      add('Kick-off report', record.kickOffReport);
      break;
    case 'NEEDS_ASSESSMENT':
      add('Needs assessment', record.needsAssessment);
      break;
    case 'TAILORED_TRAINING':
      add('Training plan', record.trainingPlan);
      add('Training deliveries', record.trainingDeliveries);
      add('Training completion', record.trainingCompletion);
      break;
    case 'STRATEGY_ADOPTION':
      add('Strategy adoption', record.strategyAdoption);
      break;
  }
  return parts;
}

function KickOffReportView({
  report,
}: {
  readonly report: NonNullable<StageRecord['kickOffReport']>;
}) {
  const { assistancePlan } = report;
  return (
    <dl className="facts">
      <div>
        <dt>National stakeholders</dt>
        <dd>
          <ul>
            {report.stakeholders.map((stakeholder, index) => (
              <li key={index}>
                {stakeholder.organisation} ({agencyTitles[stakeholder.agency]})
                {stakeholder.contribution ? `: ${stakeholder.contribution}` : null}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>Needs identified</dt>
        <dd>
          <TextList items={report.needsIdentified} />
        </dd>
      </div>
      <div>
        <dt>Assistance plan</dt>
        <dd>
          {assistancePlan.summary} ({formatDate(assistancePlan.periodStart)} to{' '}
          {formatDate(assistancePlan.periodEnd)})
        </dd>
      </div>
      <div>
        <dt>Planned outputs</dt>
        <dd>
          <TextList items={assistancePlan.plannedOutputs} />
        </dd>
      </div>
    </dl>
  );
}

function TextList({ items }: { readonly items: readonly string[] }) {
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** Any recorded value as nested lists, its keys in words ('periodStart' → 'Period start'). */
function RecordedValue({ value }: { readonly value: unknown }) {
  if (Array.isArray(value)) {
    return (
      <ol className="recorded-list">
        {(value as readonly unknown[]).map((item, index) => (
          <li key={index}>
            <RecordedValue value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object' && value !== null) {
    return (
      <dl className="facts">
        {Object.entries(value as Record<string, unknown>).map(([key, inner]) => (
          <div key={key}>
            <dt>{wordsOf(key)}</dt>
            <dd>
              <RecordedValue value={inner} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  return <>{String(value)}</>;
}

function wordsOf(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
