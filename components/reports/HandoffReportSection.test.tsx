// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import de from '@/public/_locales/de/messages.json';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom, type Translate } from '@/utils/i18n';
import { parseCsv } from '@/tests/helpers/csv';
import type { HandoffReport } from '@/utils/schemas/handoffs';
import type { DisputeReport, FraudReport, ReportScope, ServiceReport } from '@/utils/schemas/reports';
import { I18nProvider } from '../i18n-context';
import { handoffQueryOf } from './HandoffReportSection';
import { ReportsPage, type ReportsPageProps } from './ReportsPage';

afterEach(cleanup);

const scopeOf = (from: string, to: string, view: 'team' | 'self'): ReportScope => ({ from, to, marketplace: null, agentId: null, view });
const service = (s: ReportScope): ServiceReport => ({ scope: s, byMarketplace: [], byAgent: [], sla: [], casesByKind: [], templates: [] });
const fraud = (s: ReportScope): FraudReport => ({
  scope: s,
  overTime: [],
  indicators: [],
  rates: { ordersSeen: 0, held: 0, holdRate: null, released: 0, releaseRate: null, fraud: 0, fraudRate: null },
  heldOutcomes: [],
});
const disputes = (s: ReportScope): DisputeReport => ({
  scope: s,
  openByDeadline: [],
  winRateByReason: [],
  winRateBySource: [],
  recovered: [],
  alerts: [],
  chargebacks: [],
});

const REPORT: HandoffReport = {
  rows: [
    { team: 'Finance', count: 2, answered: 0, medianMinutes: null, p90Minutes: null, overdue: 2 },
    { team: 'Warehouse', count: 3, answered: 3, medianMinutes: 135, p90Minutes: 1_740, overdue: 1 },
  ],
};

/** The page on stub loaders that answer from what the query asks (the range the page sent back as scope). */
function setup(view: 'team' | 'self', handoffs: (q: { from: string; to: string }) => HandoffReport, t: Translate = translatorFrom(en)) {
  const loadHandoffs = vi.fn(async (q: { from: string; to: string }) => ({ ok: true as const, data: handoffs(q) }));
  // The SOP report is lead-only too: it fails the test if an agent's page asks for it.
  const loadSops = vi.fn(async () => ({ ok: false as const, error: { message: 'Only leads' } }));
  const downloads: { filename: string; csv: string }[] = [];
  const scope = (q: { from?: string; to?: string }) => scopeOf(q.from ?? '2026-11-15', q.to ?? '2026-11-22', view);
  const props: ReportsPageProps = {
    loadFilters: async () => ({ ok: true, data: { view, agents: [], marketplaces: ['DE'] } }),
    loadService: async (q) => ({ ok: true, data: service(scope(q)) }),
    loadFraud: async (q) => ({ ok: true, data: fraud(scope(q)) }),
    loadDisputes: async (q) => ({ ok: true, data: disputes(scope(q)) }),
    loadHandoffs,
    loadSops,
    onDownload: (filename, csv) => downloads.push({ filename, csv }),
    initialRange: { from: '2026-11-15', to: '2026-11-22' },
  };
  render(
    <I18nProvider value={t}>
      <ReportsPage {...props} />
    </I18nProvider>,
  );
  return { loadHandoffs, loadSops, downloads };
}

const cells = (table: HTMLElement) => [
  Array.from(table.querySelectorAll('thead th'), (th) => th.textContent),
  ...Array.from(table.querySelectorAll('tbody tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)),
];

describe('the hand-off section of the reports page', () => {
  it('shows a lead each internal team with count, answered, readable times to answer and overdue; its CSV is the table', async () => {
    const { loadHandoffs, downloads } = setup('team', () => REPORT);
    const section = await screen.findByTestId('handoff-report');
    await waitFor(() => expect(section.dataset['state']).toBe('ready'));
    // The page's days (UTC, `to` included) as the route's half-open range of instants.
    expect(loadHandoffs).toHaveBeenCalledWith({ from: '2026-11-15T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' });
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Hand-offs');
    const table = within(section).getByTestId('report-table');
    expect(cells(table)).toEqual([
      ['Internal team', 'Hand-offs', 'Answered', 'Time to answer, median', 'Time to answer, p90', 'Overdue'],
      ['Finance', '2', '0', '', '', '2'],
      ['Warehouse', '3', '3', '2 h 15 min', '1 d 5 h', '1'],
    ]);
    fireEvent.click(within(section).getByTestId('csv-export'));
    expect(downloads.map((d) => d.filename)).toEqual(['caseside-handoffs-2026-11-15-2026-11-22.csv']);
    expect(parseCsv(downloads[0]!.csv)).toEqual(cells(table));
  });

  it('loads again for a new range, and says so when a range has no hand-offs', async () => {
    const { loadHandoffs } = setup('team', (q) => (q.from.startsWith('2026-11-15') ? REPORT : { rows: [] }));
    await waitFor(() => expect(screen.getByTestId('handoff-report').dataset['state']).toBe('ready'));
    fireEvent.change(screen.getByTestId('report-from'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByTestId('report-to'), { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByTestId('report-apply'));
    await waitFor(() => expect(loadHandoffs).toHaveBeenLastCalledWith({ from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' }));
    const section = await screen.findByTestId('handoff-report');
    await waitFor(() => expect(section.dataset['state']).toBe('ready'));
    expect(section.querySelectorAll('tbody tr')).toHaveLength(0);
    expect(within(section).getByText('Nothing recorded in this range.')).toBeTruthy();
    expect(within(section).queryByTestId('report-chart')).toBeNull();
  });

  it('shows the error of a refused request as text', async () => {
    const loadHandoffs = vi.fn(async () => ({ ok: false as const, error: { message: '<b>Only leads</b>' } }));
    const { container } = render(
      <I18nProvider value={translatorFrom(en)}>
        <ReportsPage
          loadFilters={async () => ({ ok: true, data: { view: 'team', agents: [], marketplaces: [] } })}
          loadService={async () => ({ ok: true, data: service(scopeOf('2026-11-15', '2026-11-22', 'team')) })}
          loadFraud={async () => ({ ok: true, data: fraud(scopeOf('2026-11-15', '2026-11-22', 'team')) })}
          loadDisputes={async () => ({ ok: true, data: disputes(scopeOf('2026-11-15', '2026-11-22', 'team')) })}
          loadHandoffs={loadHandoffs}
          onDownload={() => {}}
          initialRange={{ from: '2026-11-15', to: '2026-11-22' }}
        />
      </I18nProvider>,
    );
    const section = await screen.findByTestId('handoff-report');
    await waitFor(() => expect(section.dataset['state']).toBe('error'));
    expect(within(section).getByRole('alert').textContent).toContain('<b>Only leads</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it("is left out of an agent's own view, and the lead-only report is not asked for (nor the SOP one)", async () => {
    const { loadHandoffs, loadSops } = setup('self', () => REPORT);
    await waitFor(() => expect(screen.getByTestId('reports-page').dataset['state']).toBe('ready'));
    expect(screen.queryByTestId('handoff-report')).toBeNull();
    expect(loadHandoffs).not.toHaveBeenCalled();
    expect(screen.queryByTestId('sop-report')).toBeNull();
    expect(loadSops).not.toHaveBeenCalled();
  });

  it('writes durations in the reader language', async () => {
    setup('team', () => REPORT, translatorFrom(de));
    const section = await screen.findByTestId('handoff-report');
    await waitFor(() => expect(section.dataset['state']).toBe('ready'));
    expect(cells(within(section).getByTestId('report-table'))[2]).toEqual(['Warehouse', '3', '3', '2 Std. 15 Min.', '1 T. 5 Std.', '1']);
  });
});

describe('handoffQueryOf', () => {
  it('turns UTC calendar days, the last included, into [from, to) instants across a month end', () => {
    expect(handoffQueryOf('2026-02-27', '2026-02-28')).toEqual({ from: '2026-02-27T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
  });
});
