// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { SlaSnapshot } from '@/utils/schemas/sla';
import { I18nProvider } from './i18n-context';
import { PanelAnnouncer } from './PanelAnnouncer';

afterEach(cleanup);

const MIN = 60_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const clock = (deadlineInMs: number): SlaSnapshot => ({
  caseKind: 'amazon_buyer_message',
  label: 'Buyer message reply',
  startedAt: at(-60 * MIN),
  deadline: at(deadlineInMs),
  warningFraction: 0.5,
  paused: false,
  policyVersion: 1,
});

describe('PanelAnnouncer', () => {
  it('speaks when the deadline turns to a warning or passes, not for the state it opened with', () => {
    const ui = (sla: SlaSnapshot | null) => (
      <I18nProvider value={translatorFrom(en)}>
        <PanelAnnouncer sync={null} offline={false} sla={sla} language="en" />
      </I18nProvider>
    );
    const { rerender } = render(ui(clock(6 * 60 * MIN)));
    const region = screen.getByTestId('panel-announcer');
    expect(region.textContent).toBe('');
    const warning = clock(5 * MIN);
    rerender(ui(warning));
    expect(region.textContent).toMatch(/^Deadline close: .+ left$/);
    rerender(ui(clock(-MIN)));
    expect(region.textContent).toBe('Deadline passed');
  });
});
