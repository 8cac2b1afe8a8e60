// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liveFixture, renderedFixture } from '../tests/fixtures/load';
import { FIXTURES, fixtureByName, fixturePath } from '../tests/fixtures/manifest';
import { adapterForHost } from '../utils/portals/adapters';
import { caseKindForPage } from '../utils/sla/case-kind';
import { computeSlaSnapshot } from '../utils/sla/deadline';
import { DEFAULT_POLICIES } from '../utils/sla/policies';
import { slaState } from '../utils/sla/state';
import { fixtureClock, formatFixtureDate, renderFixtureDates, renderedDateTexts } from './fixture-dates';
import savedTexts from '../tests/fixtures/saved-date-texts.json';
import asSavedDigests from '../tests/fixtures/as-saved-digests.json';

const raw = (file: string) => readFileSync(fixturePath({ file } as Parameters<typeof fixturePath>[0]), 'utf8');
const SAVED = savedTexts as Record<string, string[]>;

describe('fixture pages rendered as saved', () => {
  it.each(Object.keys(SAVED))('%s shows exactly the date text it was saved with', (file) => {
    expect(renderedDateTexts(raw(file), 'as-saved')).toEqual(SAVED[file]);
  });

  it('leaves no token in any page, and every page with tokens declares its clock', () => {
    for (const f of FIXTURES) {
      const html = raw(f.file);
      expect(renderFixtureDates(html, 'as-saved'), f.file).not.toContain('{{date');
      if (html.includes('{{date ')) expect(fixtureClock(html), f.file).not.toBeNull();
    }
  });

  // sha256 of each page's text as it was written with literal dates, recorded before its dates became tokens.
  it.each(Object.entries(asSavedDigests as Record<string, string>))(
    '%s rendered as saved is byte for byte the page written with literal dates',
    (file, digest) => {
      expect(
        createHash('sha256')
          .update(renderFixtureDates(raw(file), 'as-saved'), 'utf8')
          .digest('hex'),
      ).toBe(digest);
    },
  );

  it('drops the clock meta tag with its line, and only the tag when it shares a line', () => {
    const meta = '<meta name="caseside-fixture-clock" content="seen=2026-11-20T12:00:00Z zone=Europe/Berlin names=MEZ/MESZ locale=de">';
    expect(renderFixtureDates(`<head>\n  ${meta}\n<title>{{date 2026-11-20T10:00:00Z|dd.MM.yyyy HH:mm}}</title>`, 'as-saved')).toBe(
      '<head>\n<title>20.11.2026 11:00</title>',
    );
    expect(renderFixtureDates(`<head>${meta}<title>x</title>`, 'as-saved')).toBe('<head><title>x</title>');
  });

  // What a date looks like on these portals; a page's text outside tokens must hold none, or the demo
  // would show that date weeks late.
  const LITERAL_DATE_RE = new RegExp(
    [
      String.raw`\b\d{1,2}[./]\d{1,2}[./]\d{4}\b`,
      String.raw`\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}`,
      String.raw`\b\d{1,2}\.? (?:[A-Za-zäéû]{3,9}\.?|de [a-z]+ de) \d{4}\b`,
      String.raw`\d{4}年\d{1,2}月`,
      String.raw`\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}`,
    ].join('|'),
    'i',
  );

  // Dates that are no case time and stay fixed: a news banner's announced date (a decoy for the adapters).
  const FIXED_DATES: Record<string, string[]> = { 'amazon/de-order.html': ['15. Januar 2026'] };

  it('leaves no literal date outside a token on any page', () => {
    for (const f of FIXTURES) {
      const outsideTokens = raw(f.file)
        .replace(/\{\{date [^}]*\}\}/g, '')
        .replace(/<meta name="caseside-fixture-clock"[^>]*>/, '');
      const literal = Array.from(outsideTokens.matchAll(new RegExp(LITERAL_DATE_RE, 'gi')), (m) => m[0]);
      expect(literal, f.file).toEqual(FIXED_DATES[f.file] ?? []);
    }
  });

  it('covers every fixture page that shows a date', () => {
    const dated = FIXTURES.map((f) => f.file).filter((file) => raw(file).includes('{{date '));
    expect(new Set(dated)).toEqual(new Set(Object.keys(SAVED)));
  });
});

describe('fixture dates moved to a live now', () => {
  const now = new Date();

  it("keeps each page's story: the UK buyer wrote three hours ago, in the marketplace's own format", () => {
    const texts = renderedDateTexts(raw('amazon/uk-message.html'), now);
    const expected = formatFixtureDate(new Date(Math.round((now.getTime() - 3 * 3_600_000) / 60_000) * 60_000), 'EEE, d MMM yyyy, HH:mm zzz', {
      zone: 'Europe/London',
      names: ['GMT', 'BST'],
      locale: 'en',
    });
    expect(texts.at(-1)).toBe(expected);
  });

  it("writes summer time with the zone's summer abbreviation", () => {
    const july = new Date('2026-07-01T12:00:00Z');
    expect(formatFixtureDate(july, 'EEE, d. MMM yyyy, HH:mm zzz', { zone: 'Europe/Berlin', names: ['MEZ', 'MESZ'], locale: 'de' })).toBe(
      'Mi., 1. Juli 2026, 14:00 MESZ',
    );
    expect(formatFixtureDate(july, 'EEE, MMM d, yyyy, h:mm a zzz', { zone: 'America/Los_Angeles', names: ['PST', 'PDT'], locale: 'en' })).toBe(
      'Wed, Jul 1, 2026, 5:00 AM PDT',
    );
  });

  // The clocks the demo shows, read from the live pages by the real adapters with the default policies.
  const stateOf = (name: string, doc?: Document) => {
    const entry = fixtureByName(name);
    const url = new URL(entry.url);
    const context = adapterForHost(url.hostname)!.extract(url, doc ?? renderedFixture(entry, now));
    const clock = caseKindForPage(context);
    if (!clock) throw new Error(`${name} has no clock`);
    // A page that shows when its clock started must give it: falling back to now would make any page look ok.
    if (entry.expected.clockStart && !clock.startedAt) throw new Error(`${name} gave no clock start`);
    // And the start the page shows as saved, moved by as much as the page: the right message or notice was read.
    if (entry.expected.clockStart) {
      const seen = fixtureClock(raw(entry.file))!.seen.getTime();
      const shift = Math.round((now.getTime() - seen) / 60_000) * 60_000;
      expect(Date.parse(clock.startedAt!), `${name} clock start`).toBe(Date.parse(entry.expected.clockStart) + shift);
    }
    const snapshot = computeSlaSnapshot({
      caseKind: clock.caseKind,
      startedAt: clock.startedAt ?? now.toISOString(),
      pauses: [],
      ...(clock.shipBy ? { shipBy: clock.shipBy } : {}),
      ...(context.marketplace?.timeZone ? { marketplaceTimeZone: context.marketplace.timeZone } : {}),
      policy: DEFAULT_POLICIES.policies[clock.caseKind]!,
      calendar: DEFAULT_POLICIES.calendar,
      policyVersion: DEFAULT_POLICIES.version,
      now: now.toISOString(),
    });
    return slaState(snapshot, now.getTime()).state;
  };

  it('shows every clock state: ok, warning and breached', () => {
    expect(stateOf('amazon-uk-message')).toBe('ok'); // 3 h into 24 h
    expect(stateOf('amazon-com-hostile-message')).toBe('warning'); // 22 h 30 min into 24 h
    expect(stateOf('amazon-de-order')).toBe('ok'); // ships by tomorrow night
    expect(stateOf('amazon-com-chargeback')).toBe('ok'); // notified 5 days ago, 7 days to answer
    expect(stateOf('zalando-cc-request')).toBe('breached'); // answer was due 2 h ago
  });

  // The case pages' seen instants give the demo a mix; each comment is the story the page tells.
  it.each([
    ['amazon-com-inbox-v3-switch', 'ok'], // the buyer wrote 2 h ago, 24 h to answer
    ['amazon-ie-inbox-no-hooks', 'ok'], // the buyer wrote an hour ago ("IST" in summer is Irish time)
    ['amazon-uk-inbox-v3-thread', 'breached'], // unanswered for two days while newer threads came in
    ['amazon-it-claims-no-hooks', 'ok'], // Amazon asked 3 h 30 min ago, 48 h to answer
    ['amazon-uk-claims-drawer', 'warning'], // 38 h into 48 h, the drawer's respond-by is tonight
    ['amazon-com-claims-expanded', 'breached'], // Amazon asked 50 h ago; the respond-by date has passed
    ['amazon-com-chargebacks-table-detail', 'ok'], // notified 2 days ago, 7 days to answer
    ['amazon-de-chargebacks-detail', 'warning'], // respond-by is tomorrow morning
    ['amazon-es-chargebacks-selected-row', 'breached'], // the response was due 90 minutes ago
    ['amazon-uk-manage-returns-mfn', 'ok'], // requested 48 min ago, 24 h to authorise
    ['amazon-de-returns-no-hooks-it-order', 'ok'], // requested last night
    ['amazon-com-returns-v2-expanded', 'warning'], // requested 22 h ago
    ['amazon-com-order-us-address', 'ok'], // bought 1 h 30 min ago, ships in two days
    ['amazon-ie-order', 'ok'],
    ['amazon-ca-order-business', 'ok'],
    ['amazon-de-order-empty-recipient', 'ok'],
    ['amazon-jp-host-order', 'ok'],
    ['amazon-tr-order-no-hooks', 'ok'],
    ['amazon-za-order-s01', 'breached'], // ship-by was yesterday, still unshipped
    ['zalando-cc-request-en', 'ok'], // Customer Care wrote 1 h 15 min ago
    ['zalando-cc-request-de-no-hooks', 'warning'], // 19 h into 24 h
    ['zalando-cc-inbox-en', 'breached'], // the latest Customer Care message is a day old
    ['amazon-de-inbox-iframe-fr-order', 'warning'], // 20 h into 24 h; the thread is in a same-origin frame
  ] as const)('%s shows a clock that is %s', async (name, state) => {
    // Loaded as a browser shows it (scripts run), since some pages build their thread from app state or in a frame.
    const entry = fixtureByName(name);
    const adapter = adapterForHost(new URL(entry.url).hostname)!;
    const doc = await liveFixture(entry, (d) => adapter.isContentReady(entry.expected.pageKind, d), 3_000, now);
    expect(stateOf(name, doc)).toBe(state);
  });
});
