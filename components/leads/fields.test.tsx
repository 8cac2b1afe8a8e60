// @vitest-environment happy-dom
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import { translatorFrom } from '@/utils/i18n';
import type { TeamCalendar } from '@/utils/schemas/sla';
import { I18nProvider } from '../i18n-context';
import { CalendarEditor } from './CalendarEditor';
import { ListField } from './fields';

afterEach(cleanup);

/** A form that holds the list, as the lead tabs do, plus a button that loads another lead's copy. */
function ListForm({ outside }: { outside: string[] }) {
  const [value, setValue] = useState(['DE']);
  return (
    <>
      <ListField label="Marketplaces" path="codes" errors={[]} value={value} onChange={setValue} />
      <output data-testid="list">{JSON.stringify(value)}</output>
      <button onClick={() => setValue(outside)}>load</button>
    </>
  );
}

describe('ListField', () => {
  it('keeps the text as typed while its own edits come back as the list, and takes a new list from outside', () => {
    render(<ListForm outside={['IT', 'ES']} />);
    const input = screen.getByTestId('field-codes') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'DE, ' } });
    expect(input.value).toBe('DE, ');
    expect(screen.getByTestId('list').textContent).toBe('["DE"]');
    fireEvent.change(input, { target: { value: 'DE, FR' } });
    expect(screen.getByTestId('list').textContent).toBe('["DE","FR"]');
    fireEvent.click(screen.getByText('load'));
    expect(input.value).toBe('IT, ES');
  });
});

const CALENDAR: TeamCalendar = { timeZone: 'Europe/Berlin', workingHours: { mon: [{ start: '09:00', end: '17:00' }] }, holidays: [] };

function CalendarForm({ outside }: { outside: TeamCalendar }) {
  const [calendar, setCalendar] = useState(CALENDAR);
  return (
    <I18nProvider value={translatorFrom(en)}>
      <CalendarEditor calendar={calendar} errors={[]} onChange={setCalendar} />
      <output data-testid="mon">{JSON.stringify(calendar.workingHours.mon)}</output>
      <button onClick={() => setCalendar(outside)}>load</button>
    </I18nProvider>
  );
}

describe('CalendarEditor hours', () => {
  it('keeps a half-typed day as typed, and takes another copy of the calendar from outside', () => {
    render(<CalendarForm outside={{ ...CALENDAR, workingHours: { mon: [{ start: '08:00', end: '12:00' }] } }} />);
    const monday = screen.getByTestId('field-calendar.workingHours.mon') as HTMLInputElement;
    expect(monday.value).toBe('09:00-17:00');
    fireEvent.change(monday, { target: { value: '09:00-17:00, ' } });
    expect(monday.value).toBe('09:00-17:00, ');
    fireEvent.change(monday, { target: { value: '09:00-12:00, 13:00-17:00' } });
    expect(screen.getByTestId('mon').textContent).toBe(
      JSON.stringify([
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ]),
    );
    expect(monday.value).toBe('09:00-12:00, 13:00-17:00');
    fireEvent.click(screen.getByText('load'));
    expect(monday.value).toBe('08:00-12:00');
  });
});
