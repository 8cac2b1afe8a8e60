import { useCallback, useEffect, useRef, useState } from 'react';
import { SopSection, type ProposeOutcome, type SopLoad } from '@/components/sops/SopSection';
import { sendRequest } from '@/utils/messaging';
import type { Language } from '@/utils/schemas/common';
import type { CaseKind } from '@/utils/schemas/api';
import type { FraudIndicatorId } from '@/utils/schemas/fraud';
import type { PageContext } from '@/utils/schemas/page';
import type { MatchedSop } from '@/utils/schemas/sops';

export interface SopSlotProps {
  context: PageContext;
  caseKind?: CaseKind | undefined;
  fraudIndicators: readonly FraudIndicatorId[];
  /** The agent's UI language: an SOP shows in it when translated. */
  language: Language;
  canWrite: boolean;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const formatDate = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
};

/**
 * Connects the pure SopSection to the worker. The SOPs are fetched when the agent opens the section,
 * not with the panel's own read: bodies run to 20,000 characters in up to five languages, and most pages
 * are worked without opening them. They are fetched again when the case changes while open. Views and
 * proposals are queued in the worker's outbox (nothing lost offline).
 */
export function SopSlot({ context, caseKind, fraudIndicators, language, canWrite }: SopSlotProps) {
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<SopLoad>({ state: 'idle' });
  const read = useRef(new Set<string>());
  const indicatorsKey = [...fraudIndicators].sort().join(',');
  const factsKey = JSON.stringify([context.portal, context.pageKind, context.orderId ?? null, caseKind ?? null, indicatorsKey, language]);

  useEffect(() => {
    read.current = new Set();
    if (!open) return setLoad({ state: 'idle' });
    const [portal, pageKind, orderId, kind, indicators] = JSON.parse(factsKey) as [
      PageContext['portal'],
      PageContext['pageKind'],
      string | null,
      CaseKind | null,
      string,
    ];
    let current = true;
    setLoad({ state: 'loading' });
    void sendRequest({
      type: 'sop:match',
      query: {
        portal,
        pageKind,
        ...(orderId ? { orderId } : {}),
        ...(kind ? { caseKind: kind } : {}),
        fraudIndicators: indicators ? (indicators.split(',') as FraudIndicatorId[]) : [],
        disputeReasons: [],
        language,
      },
    }).then((res) => {
      if (!current) return;
      setLoad(res.ok ? { state: 'ready', result: res.data } : { state: 'error', message: res.error.message });
    });
    return () => {
      current = false;
    };
  }, [open, factsKey, language]);

  const onRead = useCallback(
    (sop: MatchedSop) => {
      if (read.current.has(sop.id)) return;
      read.current.add(sop.id);
      void sendRequest({ type: 'sop:viewed', sopId: sop.id, ...(context.orderId ? { orderId: context.orderId } : {}), ...(caseKind ? { caseKind } : {}) });
    },
    [context.orderId, caseKind],
  );

  const onPropose = useCallback(async (sop: MatchedSop, body: string, note: string): Promise<ProposeOutcome> => {
    const res = await sendRequest({
      type: 'sop:propose',
      sopId: sop.id,
      sopTitle: sop.title.slice(0, 200),
      language: sop.language,
      baseVersion: sop.version,
      body,
      note,
    });
    return res.ok ? { ok: true, queued: res.data.queued } : { ok: false, message: res.error.message };
  }, []);

  return (
    <SopSection load={load} open={open} onToggle={() => setOpen((o) => !o)} onRead={onRead} {...(canWrite ? { onPropose } : {})} formatDate={formatDate} />
  );
}
