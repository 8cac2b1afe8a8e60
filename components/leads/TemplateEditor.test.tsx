// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { Result } from '@/utils/messaging';
import type { Template } from '@/utils/schemas/templates';
import { I18nProvider } from '../i18n-context';
import type { ApiCall } from './api';
import { TemplateEditor } from './TemplateEditor';
import { docOf, newTemplateDoc } from './template-form';

const TEMPLATE: Template = {
  id: '00000000-0000-4000-8000-000000000001',
  scope: 'team',
  title: 'Shipping update',
  body: 'Hi {{buyer.firstName}}, your order {{order.id}} ships today.',
  language: 'en',
  marketplaces: ['DE'],
  pageKinds: ['message'],
  ownerId: '7d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d',
  version: 2,
  archived: false,
  updatedAt: '2026-11-01T00:00:00.000Z',
};

function setup(answer: (route: string, body: unknown) => Result<unknown>, initial = docOf(TEMPLATE), isLead = true) {
  const sent: { route: string; body: unknown; params?: Record<string, string> }[] = [];
  const call = vi.fn(async (route: string, opts?: { body?: unknown; params?: Record<string, string> }) => {
    sent.push({ route, body: opts?.body, params: opts?.params });
    return answer(route, opts?.body);
  }) as unknown as ApiCall;
  const onStored = vi.fn();
  render(
    <I18nProvider value={translatorFrom(en)}>
      <TemplateEditor initial={initial} call={call} isLead={isLead} agentName="Lena Lead" onStored={onStored} />
    </I18nProvider>,
  );
  return { sent, onStored };
}

const body = () => screen.getByTestId('field-body') as HTMLTextAreaElement;

afterEach(cleanup);

describe('TemplateEditor', () => {
  it('flags Amazon rule breaks while typing and previews with sample values, as text', () => {
    setup(() => ({ ok: true, data: null }));
    expect(screen.getByTestId('lint-clean')).toBeTruthy();
    expect(screen.getByTestId('template-preview').textContent).toBe('Hi Maria, your order 302-1234567-1234567 ships today.');
    fireEvent.change(body(), { target: { value: 'Visit <b>www.myshop.example</b> and leave a 5-star review {{buyer.firstName}}' } });
    const rules = screen.getAllByTestId('lint-finding').map((f) => f.getAttribute('data-rule'));
    expect(rules).toContain('external-link');
    expect(screen.getByTestId('template-preview').textContent).toContain('<b>www.myshop.example</b>');
    expect(screen.getByTestId('template-preview').querySelector('b')).toBeNull();
  });

  it("on a 409 keeps the draft and shows the other lead's version beside it", async () => {
    const theirs: Template = { ...TEMPLATE, body: 'Their wording of the update.', version: 3 };
    const { sent } = setup((route) =>
      route === 'templates.update'
        ? { ok: false, error: { code: 'version_conflict', message: 'saved by someone else', details: { current: theirs } } }
        : { ok: false, error: { code: 'x', message: 'x' } },
    );
    fireEvent.change(body(), { target: { value: 'My careful new wording.' } });
    fireEvent.click(screen.getByTestId('save'));
    const compare = await screen.findByTestId('conflict-compare');
    expect(compare.querySelector('[data-testid="conflict-mine"]')?.textContent).toContain('My careful new wording.');
    expect(compare.querySelector('[data-testid="conflict-theirs"]')?.textContent).toContain('Their wording of the update.');
    expect(body().value).toBe('My careful new wording.');
    expect(sent[0]).toMatchObject({ route: 'templates.update', params: { id: TEMPLATE.id }, body: { expectedVersion: 2, body: 'My careful new wording.' } });
  });

  it('names a missing title without sending, and keeps the body', async () => {
    const { sent } = setup(() => ({ ok: true, data: null }), newTemplateDoc('team', 'en'));
    fireEvent.change(body(), { target: { value: 'A body without a title' } });
    fireEvent.click(screen.getByTestId('save'));
    const errors = await screen.findAllByTestId('save-error');
    expect(errors.map((e) => e.getAttribute('data-path'))).toContain('title');
    expect(sent).toHaveLength(0);
    expect(body().value).toBe('A body without a title');
  });

  it('creates a new template and reports it stored', async () => {
    const created: Template = { ...TEMPLATE, id: '00000000-0000-4000-8000-000000000009', title: 'Hello', body: 'Hello there', version: 1 };
    const { sent, onStored } = setup(
      (route) => (route === 'templates.create' ? { ok: true, data: { template: created, warnings: [] } } : { ok: false, error: { code: 'x', message: 'x' } }),
      newTemplateDoc('team', 'en'),
    );
    fireEvent.change(screen.getByTestId('field-title'), { target: { value: 'Hello' } });
    fireEvent.change(body(), { target: { value: 'Hello there' } });
    fireEvent.change(screen.getByTestId('field-shortcut'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(onStored).toHaveBeenCalledWith(created));
    expect(sent[0]!.body).toEqual({ title: 'Hello', body: 'Hello there', language: 'en', marketplaces: [], pageKinds: [], scope: 'team' });
  });

  it('offers agents the personal scope only', () => {
    setup(() => ({ ok: true, data: null }), newTemplateDoc('personal', 'en'), false);
    const options = [...(screen.getByTestId('field-scope') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['personal']);
  });
});
