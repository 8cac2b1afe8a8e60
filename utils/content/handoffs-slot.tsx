import { useCallback, useEffect, useState } from 'react';
import { HandoffSection, type NewHandoff } from '@/components/handoffs/HandoffSection';
import { useT } from '@/components/i18n-context';
import { sendRequest, type TabPush } from '@/utils/messaging';
import type { PanelData } from '@/utils/schemas/api';
import type { Handoff, HandoffTeam } from '@/utils/schemas/handoffs';
import type { PanelBridge } from './bridge';

/**
 * Connects the hand-off section to the background worker: the internal teams and the order's hand-offs
 * are read through it; a new hand-off is queued in the outbox; a live hand-off event for this order reloads
 * the list, and an answer to one of this agent's own hand-offs is announced.
 */
export function HandoffSlot(props: { bridge: PanelBridge; data: PanelData; orderId: string; canWrite: boolean; formatTime: (iso: string) => string }) {
  const t = useT();
  const { bridge, orderId } = props;
  const [teams, setTeams] = useState<HandoffTeam[]>([]);
  const [handoffs, setHandoffs] = useState<Handoff[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const agentId = props.data.agent.id;

  const reload = useCallback(async () => {
    const res = await sendRequest({ type: 'handoff:list', orderId });
    if (res.ok) setHandoffs(res.data.handoffs);
  }, [orderId]);

  useEffect(() => {
    void sendRequest({ type: 'handoff:teams' }).then((res) => res.ok && setTeams(res.data.teams));
  }, []);

  useEffect(() => {
    setNotice(null);
    void reload();
  }, [reload]);

  useEffect(
    () =>
      bridge.subscribe((push: TabPush) => {
        if (push.type !== 'push:live' || push.event.orderId !== orderId) return;
        const event = push.event.event;
        if (event.type !== 'handoff' && event.type !== 'handoff_answer') return;
        void reload();
        if (event.type === 'handoff_answer' && event.data['requestedBy'] === agentId) {
          setNotice(t('handoffNotice', String(event.data['teamName'] ?? '')));
        }
      }),
    [bridge, orderId, agentId, reload, t],
  );

  const onCreate = useCallback(
    async (h: NewHandoff) => {
      const res = await sendRequest({ type: 'handoff:create', orderId, ...(props.data.case ? { caseId: props.data.case.id } : {}), ...h });
      if (!res.ok) return false;
      void reload();
      return true;
    },
    [orderId, props.data.case, reload],
  );

  return (
    <HandoffSection
      teams={teams}
      handoffs={handoffs}
      canWrite={props.canWrite}
      marketplaceDeadline={props.data.sla?.deadline ?? null}
      fraud={props.data.fraud}
      agentId={agentId}
      notice={notice}
      onCreate={onCreate}
      formatTime={props.formatTime}
      now={Date.now}
    />
  );
}
