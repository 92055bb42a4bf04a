// The lists of reviews the pages show, one cache entry each, refreshed as often as the page
// needs: every open review of the caller's partner states (the overview, the escalations),
// or the open reviews the caller may decide (the reviewer's queue; four eyes).
import { useQuery } from '@tanstack/react-query';
import type { ReviewSummary } from '../gateway/api-types.ts';
import { useSession } from '../session/SessionProvider.tsx';

const reviewLists = {
  open: { queryKey: ['reviews', 'open'], path: '/reviews?status=OPEN' },
  mine: { queryKey: ['reviews', 'queue'], path: '/reviews?status=OPEN&mine=true' },
} as const;

export function useReviewList(
  list: keyof typeof reviewLists,
  refreshing: { readonly refetchInterval: number; readonly staleTime?: number },
) {
  const { gateway } = useSession();
  const { queryKey, path } = reviewLists[list];
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => gateway.get<ReviewSummary[]>(path, signal),
    ...refreshing,
  });
}
