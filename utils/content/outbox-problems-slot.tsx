import { useCallback, useEffect, useState } from 'react';
import { OutboxProblems } from '@/components/OutboxProblems';
import type { OutboxProblem } from '@/utils/messaging';
import { sendRequest } from '@/utils/messaging-send';

/**
 * Connects the set-aside list to the background worker: it reloads whenever the worker's count of
 * set-aside writes changes (the sync push carries it), and after every resend or discard.
 */
export function OutboxProblemsSlot({ failedCount, formatTime, onSent }: { failedCount: number; formatTime: (iso: string) => string; onSent: () => void }) {
  const [problems, setProblems] = useState<OutboxProblem[]>([]);

  const reload = useCallback(async () => {
    const res = await sendRequest({ type: 'outbox:problems' });
    if (res.ok) setProblems(res.data);
  }, []);

  useEffect(() => {
    void reload();
  }, [failedCount, reload]);

  const onResend = useCallback(
    async (key: string, text?: string) => {
      const res = await sendRequest({ type: 'outbox:resend', key, ...(text === undefined ? {} : { text }) });
      await reload();
      if (!res.ok) return res.error.message;
      onSent();
      return null;
    },
    [reload, onSent],
  );

  const onDiscard = useCallback(
    async (key: string) => {
      const res = await sendRequest({ type: 'outbox:discard', key });
      await reload();
      return res.ok ? null : res.error.message;
    },
    [reload],
  );

  return <OutboxProblems problems={problems} onResend={onResend} onDiscard={onDiscard} formatTime={formatTime} />;
}
