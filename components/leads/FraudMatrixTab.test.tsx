// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { DEFAULT_MATRIX } from '@/utils/fraud/matrix';
import { translatorFrom } from '@/utils/i18n';
import type { Result } from '@/utils/messaging';
import type { FraudMatrixView } from '@/utils/schemas/admin';
import { I18nProvider } from '../i18n-context';
import type { ApiCall } from './api';
import { FraudMatrixEditor } from './FraudMatrixTab';

const VIEW: FraudMatrixView = { matrix: DEFAULT_MATRIX, version: 3, updatedAt: '2026-11-20T10:00:00.000Z', updatedBy: 'Lena Lead' };

function setup(answer: (route: string, body: unknown) => Result<unknown>) {
  const sent: { route: string; body: unknown }[] = [];
  const call = vi.fn(async (route: string, opts?: { body?: unknown }) => {
    sent.push({ route, body: opts?.body });
    return answer(route, opts?.body);
  }) as unknown as ApiCall;
  render(
    <I18nProvider value={translatorFrom(en)}>
      <FraudMatrixEditor initial={VIEW} call={call} />
    </I18nProvider>,
  );
  return { sent };
}

const reviewInput = () => screen.getByTestId('field-thresholds.review') as HTMLInputElement;

afterEach(cleanup);

describe('FraudMatrixEditor', () => {
  it('names every problem next to its field and in the list, sends nothing, and keeps the draft', async () => {
    const { sent } = setup(() => ({ ok: true, data: VIEW }));
    fireEvent.change(screen.getByTestId('field-indicators.po_box.weight'), { target: { value: '150' } });
    fireEvent.change(screen.getByTestId('field-parameters.velocity.addressCount'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('save'));
    const items = await screen.findAllByTestId('save-error');
    expect(items.map((i) => i.getAttribute('data-path')).sort()).toEqual(['indicators.po_box.weight', 'parameters.velocity.addressCount']);
    expect(screen.getByTestId('indicator-table').querySelector('[data-indicator="po_box"] [data-testid="field-error"]')?.textContent).toContain(
      'indicators.po_box.weight',
    );
    expect(sent).toHaveLength(0);
    expect((screen.getByTestId('field-indicators.po_box.weight') as HTMLInputElement).value).toBe('150');
  });

  it('names a review threshold at or above hold beside the field', async () => {
    const { sent } = setup(() => ({ ok: true, data: VIEW }));
    fireEvent.change(reviewInput(), { target: { value: '95' } });
    fireEvent.change(screen.getByTestId('field-thresholds.hold'), { target: { value: '90' } });
    fireEvent.click(screen.getByTestId('save'));
    await screen.findAllByTestId('save-error');
    const field = reviewInput().closest('[data-path="thresholds.review"]')!;
    expect(field.querySelector('[data-testid="field-error"]')?.textContent).toMatch(/thresholds\.review \(95\) must be below thresholds\.hold \(90\)/);
    expect(sent).toHaveLength(0);
    expect(reviewInput().value).toBe('95');
  });

  it('shows the backend 400 problems with the draft kept', async () => {
    setup(() => ({
      ok: false,
      error: {
        code: 'invalid_matrix',
        message: 'The fraud matrix is not valid',
        details: { errors: [{ path: 'indicators.po_box.weight', message: 'indicators.po_box.weight: too big' }] },
      },
    }));
    fireEvent.change(reviewInput(), { target: { value: '41' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByText('indicators.po_box.weight: too big', { selector: '[data-testid="save-error"]' })).toBeTruthy();
    expect(reviewInput().value).toBe('41');
  });

  it('on a 409 keeps the draft, and the next save after "keep editing" goes against the version now seen', async () => {
    let round = 0;
    const theirs: FraudMatrixView = { ...VIEW, matrix: { ...DEFAULT_MATRIX, thresholds: { review: 30, hold: 80 } }, version: 4, updatedBy: 'Other Lead' };
    const { sent } = setup((route, body) => {
      if (route !== 'fraud.matrix.put') return { ok: false, error: { code: 'x', message: 'x' } };
      round += 1;
      if (round === 1) return { ok: false, error: { code: 'version_conflict', message: 'changed', details: { current: theirs } } };
      return { ok: true, data: { ...VIEW, matrix: (body as { matrix: typeof DEFAULT_MATRIX }).matrix, version: 5 } };
    });
    fireEvent.change(reviewInput(), { target: { value: '42' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByTestId('save-conflict')).toBeTruthy();
    expect(screen.getByTestId('save-conflict').textContent).toContain('Other Lead');
    expect(reviewInput().value).toBe('42');
    expect((sent[0]!.body as { expectedVersion: number }).expectedVersion).toBe(3);

    fireEvent.click(screen.getByTestId('conflict-keep-mine'));
    expect(reviewInput().value).toBe('42');
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(screen.getByTestId('save-status').getAttribute('data-status')).toBe('saved'));
    expect(sent[1]!.body).toMatchObject({ expectedVersion: 4, matrix: { thresholds: { review: 42 } } });
  });

  it("loads the other lead's matrix when asked", async () => {
    const theirs: FraudMatrixView = { ...VIEW, matrix: { ...DEFAULT_MATRIX, thresholds: { review: 33, hold: 77 } }, version: 4, updatedBy: 'Other Lead' };
    setup(() => ({ ok: false, error: { code: 'version_conflict', message: 'changed', details: { current: theirs } } }));
    fireEvent.change(reviewInput(), { target: { value: '42' } });
    fireEvent.click(screen.getByTestId('save'));
    fireEvent.click(await screen.findByTestId('conflict-load-theirs'));
    expect(reviewInput().value).toBe('33');
  });

  it('keeps unparseable JSON as typed and names the syntax problem', async () => {
    const { sent } = setup(() => ({ ok: true, data: VIEW }));
    fireEvent.click(screen.getByTestId('matrix-json-toggle'));
    const area = screen.getByTestId('matrix-json') as HTMLTextAreaElement;
    fireEvent.change(area, { target: { value: '{ "thresholds": ' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByTestId('json-problem')).toBeTruthy();
    expect(area.value).toBe('{ "thresholds": ');
    expect(sent).toHaveLength(0);
  });

  it('back-tests the draft and shows the confusion matrix and the moves', async () => {
    const row = (release: number, hold: number, fraud: number) => ({ release, hold, fraud });
    const report = {
      days: 180,
      from: '2026-05-26T00:00:00.000Z',
      currentVersion: 3,
      total: 12,
      confusion: { release: row(5, 0, 1), review: row(1, 2, 1), hold: row(0, 1, 1) },
      currentConfusion: { release: row(6, 1, 2), review: row(0, 1, 0), hold: row(0, 1, 1) },
      proposed: { fraudCaught: 2, fraudReleased: 1, goodHeld: 0, sentToAgents: 6 },
      current: { fraudCaught: 1, fraudReleased: 2, goodHeld: 0, sentToAgents: 3 },
      moves: [{ from: 'release', to: 'review', count: 3, examples: ['302-1111111-1111111'] }],
      unchanged: 9,
      skipped: 0,
    };
    const { sent } = setup((route) => (route === 'fraud.backtest' ? { ok: true, data: report } : { ok: false, error: { code: 'x', message: 'x' } }));
    fireEvent.change(reviewInput(), { target: { value: '35' } });
    fireEvent.click(screen.getByTestId('backtest'));
    const table = await screen.findByTestId('confusion-proposed');
    expect(table.querySelector('[data-recommendation="review"] [data-decision="hold"]')?.textContent).toBe('2');
    expect(screen.getByTestId('backtest-moves').textContent).toContain('302-1111111-1111111');
    expect(sent[0]!.body).toMatchObject({ matrix: { thresholds: { review: 35 } } });
  });
});
