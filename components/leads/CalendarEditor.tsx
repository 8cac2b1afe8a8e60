import { useEffect, useEffectEvent, useId, useState } from 'react';
import { Weekday, type TeamCalendar, type WorkingInterval } from '@/utils/schemas/sla';
import type { MessageKey } from '@/utils/i18n';
import { useT } from '../i18n-context';
import { ListField, TextField } from './fields';
import { FieldErrors } from './SaveBar';
import { errorsAt, type FieldError } from './versioned-save';

const DAY_LABEL: Record<Weekday, MessageKey> = {
  mon: 'leadDayMon',
  tue: 'leadDayTue',
  wed: 'leadDayWed',
  thu: 'leadDayThu',
  fri: 'leadDayFri',
  sat: 'leadDaySat',
  sun: 'leadDaySun',
};

/** "09:00-12:30, 13:30-17:00" as intervals. A piece that is not "start-end" is kept as typed so the validator names it. */
export function parseIntervals(text: string): WorkingInterval[] {
  return text
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .map((piece) => {
      const m = /^(\S+?)\s*[-–]\s*(\S+)$/.exec(piece);
      return m ? { start: m[1]!, end: m[2]! } : { start: piece, end: '' };
    });
}

export const formatIntervals = (intervals: WorkingInterval[] | undefined): string => (intervals ?? []).map((i) => `${i.start}-${i.end}`).join(', ');

export interface CalendarEditorProps {
  calendar: TeamCalendar;
  errors: FieldError[];
  onChange: (next: TeamCalendar) => void;
}

/** The team calendar business-time clocks run on: zone, working hours per weekday, holidays. */
export function CalendarEditor({ calendar, errors, onChange }: CalendarEditorProps) {
  const t = useT();
  return (
    <fieldset className="lt-fieldset" data-testid="calendar-editor">
      <legend>{t('leadCalendar')}</legend>
      <TextField
        label={t('leadTimeZone')}
        path="calendar.timeZone"
        errors={errors}
        value={calendar.timeZone}
        placeholder="Europe/Berlin"
        onChange={(timeZone) => onChange({ ...calendar, timeZone })}
      />
      <p className="lt-muted">{t('leadHoursHint')}</p>
      <div className="lt-grid">
        {Weekday.options.map((day) => (
          <DayHours
            key={day}
            label={t(DAY_LABEL[day])}
            path={`calendar.workingHours.${day}`}
            errors={errors}
            intervals={calendar.workingHours[day]}
            onChange={(intervals) => onChange({ ...calendar, workingHours: { ...calendar.workingHours, [day]: intervals } })}
          />
        ))}
      </div>
      <ListField
        label={t('leadHolidays')}
        path="calendar.holidays"
        errors={errors}
        value={calendar.holidays}
        onChange={(holidays) => onChange({ ...calendar, holidays })}
      />
    </fieldset>
  );
}

function DayHours({
  label,
  path,
  errors,
  intervals,
  onChange,
}: {
  label: string;
  path: string;
  errors: FieldError[];
  intervals: WorkingInterval[] | undefined;
  onChange: (v: WorkingInterval[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState(formatIntervals(intervals));
  // Another lead's copy loaded from outside replaces the text; our own edits do not round-trip through it
  // (only new intervals are checked against the text as typed, not each keystroke).
  const takeOutside = useEffectEvent((next: WorkingInterval[] | undefined) => {
    if (formatIntervals(parseIntervals(text)) !== formatIntervals(next)) setText(formatIntervals(next));
  });
  useEffect(() => takeOutside(intervals), [intervals]);
  const own = errorsAt(errors, path);
  return (
    <span className="lt-field" data-path={path}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        placeholder="09:00-17:00"
        aria-invalid={own.length > 0}
        data-testid={`field-${path}`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseIntervals(e.target.value));
        }}
      />
      <FieldErrors errors={own} />
    </span>
  );
}
