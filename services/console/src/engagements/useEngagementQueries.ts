// The engagement queries the officer's pages share: the list of the user's engagements and
// one engagement's status, kept fresh while something is expected to change; and the changes
// (open, record, submit), whose answer is the engagement's new status.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EngagementList, EngagementStatus } from '../gateway/api-types.ts';
import type { GatewayClient } from '../gateway/gateway-client.ts';
import { useSession } from '../session/SessionProvider.tsx';

/** The most engagements the board lists (the API's own limit). */
export const boardLimit = 200;

export const engagementKey = (engagementId: string) => ['engagement', engagementId] as const;

export function useEngagementList() {
  const { gateway } = useSession();
  return useQuery({
    queryKey: ['engagements', 'list'],
    queryFn: ({ signal }) =>
      gateway.get<EngagementList>(`/engagements?limit=${boardLimit}`, signal),
    // a reviewer's decision arrives through Kafka: look again now and then
    refetchInterval: 10_000,
  });
}

export function useEngagementStatus(
  engagementId: string,
  {
    enabled = true,
    watchMs,
  }: {
    readonly enabled?: boolean;
    /** Look again this often (a change that travels through Kafka is awaited); else as usual. */
    readonly watchMs?: number | false;
  } = {},
) {
  const { gateway } = useSession();
  return useQuery({
    queryKey: engagementKey(engagementId),
    queryFn: ({ signal }) =>
      gateway.get<EngagementStatus>(`/engagements/${encodeURIComponent(engagementId)}`, signal),
    enabled,
    // while a review is awaited, the decision may come at any moment
    refetchInterval: (query) =>
      typeof watchMs === 'number'
        ? watchMs
        : query.state.data?.state === 'AWAITING_REVIEW'
          ? 5_000
          : false,
  });
}

/**
 * A change to an engagement that answers with its status (opening, recording work, submitting
 * the milestone): the answer replaces the cached status and the lists are asked again.
 */
export function useEngagementChange<Variables = void>(
  send: (gateway: GatewayClient, variables: Variables) => Promise<EngagementStatus>,
  {
    onChanged,
    onError,
  }: {
    readonly onChanged?: (status: EngagementStatus) => void;
    readonly onError?: (error: Error) => void;
  } = {},
) {
  const { gateway } = useSession();
  const queryClient = useQueryClient();
  return useMutation<EngagementStatus, Error, Variables>({
    mutationFn: (variables) => send(gateway, variables),
    onSuccess: (status) => {
      queryClient.setQueryData(engagementKey(status.engagementId), status);
      void queryClient.invalidateQueries({ queryKey: ['engagements'] });
      onChanged?.(status);
    },
    ...(onError === undefined ? {} : { onError }),
  });
}
