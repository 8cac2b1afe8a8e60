import { describe, expect, it } from 'vitest';
import type { Template } from '../schemas/templates';
import { languageForMarketplace } from './language';
import { rankTemplates } from './rank';

let n = 0;
const template = (title: string, over: Partial<Template> = {}): Template => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  scope: 'team',
  title,
  body: `${title} body`,
  language: 'de',
  marketplaces: [],
  pageKinds: [],
  ownerId: '00000000-0000-4000-8000-999999999999',
  version: 1,
  archived: false,
  updatedAt: '2026-11-20T10:00:00Z',
  ...over,
});

const messageDe = template('Versandbestätigung DE', { pageKinds: ['message'], marketplaces: ['DE'] });
const messageAny = template('Allgemeine Antwort', { pageKinds: ['message'] });
const messageDeEnglish = template('Shipping confirmation', { pageKinds: ['message'], marketplaces: ['DE'], language: 'en' });
const claimDe = template('A-bis-z Antrag', { pageKinds: ['claim'], marketplaces: ['DE'] });
const messageFr = template('Réponse générale', { pageKinds: ['message'], marketplaces: ['FR'], language: 'fr' });
const archived = template('Alt', { pageKinds: ['message'], archived: true });
const withShortcut = template('Rücksendung Etikett', { shortcut: '/ret', body: 'Das Rücksendeetikett finden Sie ...' });
const all = [claimDe, messageFr, archived, messageAny, withShortcut, messageDeEnglish, messageDe];

const titles = (ts: Template[]) => ts.map((t) => t.title);

describe('rankTemplates', () => {
  it("puts this page kind and marketplace first, in the buyer's language, then the rest", () => {
    expect(titles(rankTemplates(all, { pageKind: 'message', marketplace: 'DE', language: 'de' }))).toEqual([
      'Versandbestätigung DE', // made for message + DE, German
      'Allgemeine Antwort', // message, any marketplace, German
      'Rücksendung Etikett', // any page, any marketplace, German
      'Shipping confirmation', // fits, but English
      'A-bis-z Antrag', // another page kind
      'Réponse générale', // another marketplace
    ]);
  });

  it('leaves archived templates out', () => {
    expect(titles(rankTemplates(all, { pageKind: 'message', language: 'de' }))).not.toContain('Alt');
  });

  it('filters by title, body and shortcut, blind to case and accents', () => {
    expect(titles(rankTemplates(all, { pageKind: 'message', language: 'de', query: 'VERSANDBESTATIGUNG' }))).toEqual(['Versandbestätigung DE']);
    expect(titles(rankTemplates(all, { pageKind: 'message', language: 'de', query: 'rucksendeetikett' }))).toEqual(['Rücksendung Etikett']);
    expect(titles(rankTemplates(all, { pageKind: 'message', language: 'fr', query: 'reponse' }))).toEqual(['Réponse générale']);
    expect(rankTemplates(all, { pageKind: 'message', language: 'de', query: 'nothing like this' })).toEqual([]);
  });

  it('puts an exact shortcut first, typed with or without its sigil', () => {
    const aboutRet = template('Retoure Hinweis', { pageKinds: ['message'], marketplaces: ['DE'], body: 'ret ret' });
    for (const query of ['/ret', 'ret']) {
      expect(rankTemplates([aboutRet, withShortcut], { pageKind: 'message', marketplace: 'DE', language: 'de', query })[0]?.title).toBe('Rücksendung Etikett');
    }
  });
});

describe('languageForMarketplace', () => {
  it.each([
    ['DE', 'de'],
    ['AT', 'de'],
    ['UK', 'en'],
    ['US', 'en'],
    ['FR', 'fr'],
    ['BE', 'fr'],
    ['ES', 'es'],
    ['MX', 'es'],
    ['IT', 'it'],
    ['ZALANDO-DE', 'de'],
    ['ZALANDO-FR', 'fr'],
    ['zalando-it', 'it'],
    [' es ', 'es'],
  ] as const)('%s -> %s', (code, language) => {
    expect(languageForMarketplace(code, 'en')).toBe(language);
  });

  it('falls back to the team default for other languages', () => {
    expect(languageForMarketplace('JP', 'de')).toBe('de');
    expect(languageForMarketplace('ZALANDO-NL', 'en')).toBe('en');
    expect(languageForMarketplace('ZALANDO', 'fr')).toBe('fr');
  });
});
