// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { Result } from '@/utils/messaging';
import type { SlaPoliciesView } from '@/utils/schemas/admin';
import { DEFAULT_POLICIES } from '@/utils/sla/policies';
import { I18nProvider } from '../i18n-context';
import type { ApiCall } from './api';
import { SlaPoliciesEditor } from './SlaPoliciesTab';

const VIEW: SlaPoliciesView = { policies: DEFAULT_POLICIES, version: 1, updatedAt: null, updatedBy: null };

function setup(answer: (route: string, body: unknown) => Result<unknown>) {
  const sent: unknown[] = [];
  const call = vi.fn(async (route: string, opts?: { body?: unknown }) => {
    sent.push(opts?.body);
    return answer(route, opts?.body);
  }) as unknown as ApiCall;
  render(
    <I18nProvider value={translatorFrom(en)}>
      <SlaPoliciesEditor initial={VIEW} call={call} />
    </I18nProvider>,
  );
  return { sent };
}

afterEach(cleanup);

describe('SlaPoliciesEditor', () => {
  it('names a wrong zone and a backwards working interval beside their fields, keeping what was typed', async () => {
    const { sent } = setup(() => ({ ok: true, data: { ...VIEW, recomputedCases: 0 } }));
    fireEvent.change(screen.getByTestId('field-calendar.timeZone'), { target: { value: 'Europe/Atlantis' } });
    fireEvent.change(screen.getByTestId('field-calendar.workingHours.mon'), { target: { value: '17:00-09:00' } });
    fireEvent.click(screen.getByTestId('save'));
    const paths = (await screen.findAllByTestId('save-error')).map((e) => e.getAttribute('data-path'));
    expect(paths).toEqual(expect.arrayContaining(['calendar.timeZone', 'calendar.workingHours.mon.0']));
    expect(document.querySelector('[data-path="calendar.workingHours.mon"] [data-testid="field-error"]')?.textContent).toContain('must be after start');
    expect((screen.getByTestId('field-calendar.workingHours.mon') as HTMLInputElement).value).toBe('17:00-09:00');
    expect(sent).toHaveLength(0);
  });

  it('sends the apply-to-open-cases choice with the version read, and reports recomputed cases', async () => {
    const { sent } = setup((_route, body) => ({
      ok: true,
      data: { ...VIEW, policies: (body as { policies: typeof DEFAULT_POLICIES }).policies, version: 2, recomputedCases: 4 },
    }));
    fireEvent.click(screen.getByTestId('apply-open-cases'));
    fireEvent.change(screen.getByTestId('field-policies.amazon_buyer_message.duration.amount'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByTestId('recomputed')).toHaveProperty('textContent', 'Deadlines recomputed for 4 open cases.');
    expect(sent[0]).toMatchObject({
      expectedVersion: 1,
      applyToOpenCases: true,
      policies: { policies: { amazon_buyer_message: { duration: { amount: 12 } } } },
    });
  });

  it("keeps the draft on a 409 and can load the other lead's policies", async () => {
    const theirs = {
      ...VIEW,
      version: 2,
      updatedBy: 'Other Lead',
      policies: { ...DEFAULT_POLICIES, calendar: { ...DEFAULT_POLICIES.calendar, timeZone: 'Europe/Paris' } },
    };
    setup(() => ({ ok: false, error: { code: 'version_conflict', message: 'changed', details: { current: theirs } } }));
    const zone = () => screen.getByTestId('field-calendar.timeZone') as HTMLInputElement;
    fireEvent.change(zone(), { target: { value: 'Europe/Madrid' } });
    fireEvent.click(screen.getByTestId('save'));
    await screen.findByTestId('save-conflict');
    expect(zone().value).toBe('Europe/Madrid');
    fireEvent.click(screen.getByTestId('conflict-load-theirs'));
    await waitFor(() => expect(zone().value).toBe('Europe/Paris'));
  });

  it("edits an operator's own terms: adds one by its code, names a bad code, removes one, and saves the table", async () => {
    const { sent } = setup((_route, body) => ({
      ok: true,
      data: { ...VIEW, policies: (body as { policies: typeof DEFAULT_POLICIES }).policies, version: 2, recomputedCases: 0 },
    }));
    const at = 'policies.mirakl_order_acceptance';
    const box = screen.getByTestId(`operators-${at}`);
    expect(box.querySelector('[data-operator="MEDIAMARKT"]')).not.toBeNull();
    fireEvent.change(screen.getByTestId(`operator-code-${at}`), { target: { value: 'media markt' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Add operator' }));
    expect(box.querySelector('[role="alert"]')?.textContent).toContain('in capitals');
    fireEvent.change(screen.getByTestId(`operator-code-${at}`), { target: { value: 'mediamarkt' } });
    fireEvent.keyDown(screen.getByTestId(`operator-code-${at}`), { key: 'Enter' });
    expect(box.querySelector('[role="alert"]')?.textContent).toBe('MEDIAMARKT already has its own terms.');
    fireEvent.change(screen.getByTestId(`operator-code-${at}`), { target: { value: 'pccomponentes' } });
    fireEvent.keyDown(screen.getByTestId(`operator-code-${at}`), { key: 'Enter' });
    expect(box.querySelector('[role="alert"]')).toBeNull();
    fireEvent.change(screen.getByTestId(`field-${at}.byOperator.PCCOMPONENTES.duration.amount`), { target: { value: '36' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Remove CONRAD' }));
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    const saved = (sent[0] as { policies: typeof DEFAULT_POLICIES }).policies.policies.mirakl_order_acceptance.byOperator;
    expect(saved).toEqual({
      MEDIAMARKT: { clock: 'calendar', duration: { amount: 48, unit: 'hours' } },
      PCCOMPONENTES: { clock: 'calendar', duration: { amount: 36, unit: 'hours' } },
    });
  });

  it("shows a business-days fraction on an operator's row and does not save it", async () => {
    const { sent } = setup(() => ({ ok: true, data: { ...VIEW, recomputedCases: 0 } }));
    const at = 'policies.mirakl_order_acceptance.byOperator.CONRAD';
    fireEvent.change(screen.getByTestId(`field-${at}.duration.amount`), { target: { value: '1.5' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() =>
      expect(document.querySelector('[data-operator="CONRAD"] [data-testid="field-error"]')?.textContent).toContain('business days must be whole numbers'),
    );
    expect(sent).toHaveLength(0);
  });
});
