import { describe, expect, it } from 'vitest';
import { fillMissing, renderTemplate } from './render';

const vars = {
  'buyer.firstName': 'Max',
  'buyer.name': 'Max Mustermann',
  'order.id': '302-1234567-1234567',
  'order.items': 'Kaffeebecher und 2 × Teller',
  'tracking.number': '00340434161094042557',
  'sla.deadline': '2026-11-21T13:30:00Z',
  'agent.name': 'Jana',
  marketplace: 'Amazon.de',
};

describe('renderTemplate', () => {
  it('fills every known variable', () => {
    const body =
      'Hi {{buyer.firstName}} ({{buyer.name}}), order {{order.id}} ({{order.items}}) ships with {{tracking.number}} before {{sla.deadline}}. {{agent.name}}, {{marketplace}}';
    expect(renderTemplate(body, vars, { language: 'en', timeZone: 'Europe/Berlin' })).toEqual({
      text: 'Hi Max (Max Mustermann), order 302-1234567-1234567 (Kaffeebecher und 2 × Teller) ships with 00340434161094042557 before 21 Nov 2026, 14:30. Jana, Amazon.de',
      missing: [],
    });
  });

  it('formats the deadline in five languages and in the zone', () => {
    const one = (language: 'en' | 'de' | 'fr' | 'es' | 'it', timeZone = 'Europe/Berlin') =>
      renderTemplate('{{sla.deadline}}', vars, { language, timeZone }).text;
    expect(one('en')).toBe('21 Nov 2026, 14:30');
    expect(one('de')).toBe('21.11.2026, 14:30');
    expect(one('fr')).toMatch(/^21 nov\. 2026,? (à )?14:30$/);
    expect(one('es')).toMatch(/^21 nov 2026, 14:30$/);
    expect(one('it')).toMatch(/^21 nov 2026, 14:30$/);
    expect(one('en', 'America/Los_Angeles')).toBe('21 Nov 2026, 05:30');
  });

  it('uses fallbacks when a value is missing or blank', () => {
    expect(renderTemplate('Hello {{buyer.firstName | "there"}}!', {}).text).toBe('Hello there!');
    expect(renderTemplate("Hallo {{ buyer.firstName|'zusammen' }}!", { 'buyer.firstName': '  ' }).text).toBe('Hallo zusammen!');
    expect(renderTemplate('Hello {{buyer.firstName | "there"}}!', vars).text).toBe('Hello Max!');
  });

  it('lists missing and unknown variables once and leaves their placeholders', () => {
    const result = renderTemplate('Tracking {{tracking.number}}, again {{tracking.number}}, {{order.weight}}', { 'order.id': '1' });
    expect(result).toEqual({ text: 'Tracking {{tracking.number}}, again {{tracking.number}}, {{order.weight}}', missing: ['tracking.number', 'order.weight'] });
  });

  it('keeps markup-looking values as literal text and never expands values again', () => {
    const hostile = { 'buyer.name': '<b>Max</b> & "Co" <script>alert(1)</script>', 'buyer.firstName': '{{agent.name}} $& $1' };
    expect(renderTemplate('{{buyer.name}} / {{buyer.firstName}}', { ...hostile, 'agent.name': 'Jana' }).text).toBe(
      '<b>Max</b> & "Co" <script>alert(1)</script> / {{agent.name}} $& $1',
    );
  });

  it('leaves malformed braces alone', () => {
    expect(renderTemplate('{{ not closed, {{}} and {{ 1bad }}', vars)).toEqual({ text: '{{ not closed, {{}} and {{ 1bad }}', missing: [] });
  });

  it('shows a deadline that is not an instant as it was typed', () => {
    expect(renderTemplate('by {{sla.deadline}}', { 'sla.deadline': 'Friday noon' }).text).toBe('by Friday noon');
  });
});

describe('fillMissing', () => {
  it('adds the values the agent typed, ignoring blanks, without changing the input', () => {
    const before = { 'order.id': '1' };
    const after = fillMissing(before, { 'tracking.number': 'JJD000390007', 'agent.name': '  ' });
    expect(after).toEqual({ 'order.id': '1', 'tracking.number': 'JJD000390007' });
    expect(before).toEqual({ 'order.id': '1' });
    expect(renderTemplate('{{tracking.number}} {{agent.name}}', after).missing).toEqual(['agent.name']);
  });
});
