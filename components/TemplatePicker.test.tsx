// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { Template } from '@/utils/schemas/templates';
import { I18nProvider } from './i18n-context';
import { TemplatePicker, type TemplatePickerProps } from './TemplatePicker';

const OWNER = '7d4c3a58-0f6e-4b8a-9d1c-2e3f4a5b6c7d';
const tpl = (id: string, over: Partial<Template>): Template => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  scope: 'team',
  title: 'Untitled',
  body: 'Hello',
  language: 'en',
  marketplaces: [],
  pageKinds: [],
  ownerId: OWNER,
  version: 1,
  archived: false,
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
});
const TEMPLATES = [
  tpl('1', {
    title: 'Shipping update',
    body: 'Hi {{buyer.firstName}}, your order {{order.id}} ships today. Tracking: {{tracking.number}}',
    language: 'en',
    pageKinds: ['message'],
  }),
  tpl('2', { title: 'Versandinfo', body: 'Hallo {{buyer.firstName}}, Ihre Bestellung {{order.id}} ist unterwegs.', language: 'de', pageKinds: ['message'] }),
  tpl('3', { title: 'Review please', body: 'Leave a 5-star review and get a discount code at www.myshop.example', language: 'en' }),
];

function setup(over: Partial<TemplatePickerProps> = {}) {
  const onInsert = vi.fn((): { ok: true } => ({ ok: true }));
  render(
    <I18nProvider value={translatorFrom(en)}>
      <TemplatePicker
        templates={TEMPLATES}
        portal="amazon"
        pageKind="message"
        marketplace="DE"
        language="de"
        vars={{ 'buyer.firstName': 'Max', 'order.id': '302-1234567-1234567' }}
        timeZone="Europe/Berlin"
        onInsert={onInsert}
        {...over}
      />
    </I18nProvider>,
  );
  return onInsert;
}

afterEach(cleanup);

describe('TemplatePicker', () => {
  it("puts templates in the buyer's language for this page first, with a filled preview", () => {
    setup();
    const items = screen.getAllByTestId('template-item');
    expect(items[0]!.dataset.language).toBe('de');
    expect(screen.getByTestId('template-preview').textContent).toBe('Hallo Max, Ihre Bestellung 302-1234567-1234567 ist unterwegs.');
  });

  it('inserts with the keyboard alone: type, arrows, Enter', () => {
    const onInsert = setup();
    const search = screen.getByTestId('template-search');
    fireEvent.change(search, { target: { value: 'versand' } });
    expect(screen.getAllByTestId('template-item')).toHaveLength(1);
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onInsert).toHaveBeenCalledWith(expect.objectContaining({ title: 'Versandinfo' }), 'Hallo Max, Ihre Bestellung 302-1234567-1234567 ist unterwegs.');
  });

  it('never inserts a reply with an unfilled placeholder, and asks for the value', () => {
    const onInsert = setup();
    const search = screen.getByTestId('template-search');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onInsert).not.toHaveBeenCalled();
    expect(screen.getByTestId('template-feedback').textContent).toContain('tracking.number');
    const input = screen.getByTestId('template-fill-input');
    fireEvent.change(input, { target: { value: '1Z999AA10123456784' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onInsert).toHaveBeenCalledWith(expect.objectContaining({ title: 'Shipping update' }), expect.stringContaining('Tracking: 1Z999AA10123456784'));
  });

  it('refuses on Amazon a reply that breaks the buyer-messaging rules, with the reason', () => {
    const onInsert = setup();
    fireEvent.change(screen.getByTestId('template-search'), { target: { value: 'review' } });
    fireEvent.click(screen.getByTestId('template-insert'));
    expect(onInsert).not.toHaveBeenCalled();
    expect(screen.getByTestId('template-feedback').dataset.result).toBe('error');
    expect(screen.getByTestId('template-violation').textContent).toMatch(/link|review|discount/i);
  });

  it('allows the same reply on Zalando, where those rules do not apply', () => {
    const onInsert = setup({ portal: 'zalando' });
    fireEvent.change(screen.getByTestId('template-search'), { target: { value: 'review' } });
    fireEvent.click(screen.getByTestId('template-insert'));
    expect(onInsert).toHaveBeenCalled();
  });

  it('keeps values that look like markup as literal text', () => {
    setup({ vars: { 'buyer.firstName': '<b>Max</b>', 'order.id': '1' } });
    const preview = screen.getByTestId('template-preview');
    expect(preview.textContent).toContain('<b>Max</b>');
    expect(preview.querySelector('b')).toBeNull();
  });

  it("shows the portal's refusal when the reply box is missing", () => {
    setup({ onInsert: () => ({ ok: false, error: 'No reply box on this page.' }) });
    fireEvent.keyDown(screen.getByTestId('template-search'), { key: 'Enter' });
    expect(screen.getByTestId('template-feedback').textContent).toBe('No reply box on this page.');
  });
});
