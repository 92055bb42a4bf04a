// The overview's Kafka panels: each watched consumer group's lag, and the dead letters of
// each topic (the topics as the API document names them), which an operator can replay.
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { ProblemNotice } from '../forms/ProblemNotice.tsx';
import type { ConsumerLag, DeadLetter, DeadLetters } from '../gateway/api-types.ts';
import { QueryState } from '../layout/QueryState.tsx';
import { hasRole } from '../session/token-claims.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { formatDateTime } from '../wording/programme-words.ts';
import { deadLetterTopics } from './system-overview.ts';

const refreshMs = 5_000;
/** Dead letters listed per topic; the count covers them all. */
const lettersShown = 5;

export function ConsumerLagPanel() {
  const { gateway } = useSession();
  const lag = useQuery({
    queryKey: ['operations', 'consumer-lag'],
    queryFn: ({ signal }) => gateway.get<ConsumerLag>('/operations/consumer-lag', signal),
    refetchInterval: refreshMs,
    staleTime: 0,
  });
  return (
    <section className="panel" aria-labelledby="lag-heading">
      <h2 id="lag-heading">Consumer lag</h2>
      <QueryState query={lag} what="the consumer lag">
        {({ consumerGroups }) => (
          <table>
            <caption>Messages not yet processed, per consumer group</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Topics</th>
                <th scope="col" className="number">
                  Lag
                </th>
              </tr>
            </thead>
            <tbody>
              {consumerGroups.map((group) => (
                <tr key={group.groupId} className={group.lag > 0 ? 'is-lagging' : undefined}>
                  <th scope="row">{group.groupId}</th>
                  <td className="topics">{group.topics.join(', ')}</td>
                  <td className="number">{group.lag}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}

export function DeadLettersPanel() {
  const { gateway } = useSession();
  const topics = useQuery({
    queryKey: ['operations', 'topics'],
    queryFn: async ({ signal }) =>
      deadLetterTopics(await gateway.get<unknown>('/openapi.json', signal)),
    staleTime: Infinity,
  });
  const letters = useQueries({
    queries: (topics.data ?? []).map((topic) => ({
      queryKey: ['operations', 'dead-letters', topic],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        gateway.get<DeadLetters>(
          `/operations/dead-letters?topic=${encodeURIComponent(topic)}`,
          signal,
        ),
      refetchInterval: refreshMs,
      staleTime: 0,
    })),
  });
  return (
    <section className="panel panel-wide" aria-labelledby="dead-letters-heading">
      <h2 id="dead-letters-heading">Dead letters</h2>
      <QueryState query={topics} what="the topics">
        {(names) => (
          <ul className="dead-letters">
            {names.map((topic, index) => {
              const answer = letters[index];
              const listed = answer?.data?.deadLetters ?? [];
              return (
                <li key={topic}>
                  <h3>
                    {topic}:{' '}
                    {answer?.isError ? (
                      <span className="mark mark-overdue">could not be read</span>
                    ) : answer?.data === undefined ? (
                      'loading…'
                    ) : (
                      <span className={listed.length > 0 ? 'mark mark-overdue' : 'mark mark-ok'}>
                        {listed.length} dead {listed.length === 1 ? 'letter' : 'letters'}
                      </span>
                    )}
                  </h3>
                  {listed.length > 0 ? (
                    <ul>
                      {listed.slice(0, lettersShown).map((letter) => (
                        <DeadLetterItem
                          key={`${letter.partition}-${letter.offset}`}
                          topic={topic}
                          letter={letter}
                        />
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

/**
 * One dead letter: where and why it failed; an operator may deliver it again to its topic
 * (the consumer applies an event once, so a second replay is harmless). Kafka keeps the dead
 * letter; if the replay fails too, a new one appears.
 */
function DeadLetterItem({
  topic,
  letter,
}: {
  readonly topic: string;
  readonly letter: DeadLetter;
}) {
  const { gateway, user } = useSession();
  const replay = useMutation({
    mutationFn: () =>
      gateway.send<unknown>('POST', '/operations/dead-letters/replay', {
        topic,
        partition: letter.partition,
        offset: letter.offset,
      }),
  });
  const what = `${letter.eventType ?? 'an event'} at partition ${letter.original.partition}, offset ${letter.original.offset}`;
  return (
    <li className="dead-letter">
      {what}: {letter.reason} ({letter.consumer}, {letter.attempts} attempts,{' '}
      {formatDateTime(letter.deadLetteredAt)})
      {hasRole(user, 'OPERATOR') ? (
        <span className="dead-letter-replay">
          <button
            type="button"
            className="button secondary small"
            disabled={replay.isPending}
            aria-label={`Replay ${what}`}
            onClick={() => replay.mutate()}
          >
            {replay.isPending ? 'Replaying…' : 'Replay'}
          </button>
          <span role="status">
            {replay.isSuccess
              ? ` Replayed at ${formatDateTime(new Date(replay.submittedAt).toISOString())}: the consumer tries it afresh; if it fails again, a new dead letter appears here.`
              : ''}
          </span>
        </span>
      ) : null}
      {replay.isError ? <ProblemNotice error={replay.error} context="Could not replay" /> : null}
    </li>
  );
}
