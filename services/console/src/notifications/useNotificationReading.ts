// Marking notifications read, for any list of them: the one marked is replaced in the list it
// was shown in at once, then every notification query (the inbox, the unread count, lists of
// one type) is asked again.
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { InboxNotification } from '../gateway/api-types.ts';
import { useSession } from '../session/SessionProvider.tsx';

export function useNotificationReading(listKey: QueryKey) {
  const { gateway } = useSession();
  const queryClient = useQueryClient();
  const afterReading = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({
    mutationFn: (id: string) =>
      gateway.send<InboxNotification>('POST', `/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: (read) => {
      queryClient.setQueryData<InboxNotification[]>(listKey, (list) =>
        list?.map((notification) => (notification.id === read.id ? read : notification)),
      );
      afterReading();
    },
  });
  const readAll = useMutation({
    mutationFn: () => gateway.send<{ marked: number }>('POST', '/notifications/read-all'),
    onSuccess: afterReading,
  });
  return { readOne, readAll };
}
