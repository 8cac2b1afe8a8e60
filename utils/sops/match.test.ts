import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SopTags } from '../schemas/sops';
import { matchScore, pickBody, rankSops, type CaseFacts } from './match';

const NO_TAGS: SopTags = { portals: [], pageKinds: [], caseKinds: [], disputeReasons: [], fraudIndicators: [] };
const tags = (over: Partial<SopTags>): SopTags => ({ ...NO_TAGS, ...over });
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({ disputeReasons: [], fraudIndicators: [], ...over });

describe('SOP matching', () => {
  it('an untagged SOP fits every case, with no matched tags', () => {
    expect(matchScore(NO_TAGS, facts({ portal: 'amazon' }))).toBe(0);
  });

  it('each tagged dimension must share a value with the case', () => {
    const chargebackFraud = tags({ portals: ['amazon'], pageKinds: ['chargeback'], disputeReasons: ['fraud', '10.4'] });
    expect(matchScore(chargebackFraud, facts({ portal: 'amazon', pageKind: 'chargeback', disputeReasons: ['FRAUD'] }))).toBe(3);
    expect(matchScore(chargebackFraud, facts({ portal: 'amazon', pageKind: 'chargeback', disputeReasons: ['10.4'] }))).toBe(3);
    expect(matchScore(chargebackFraud, facts({ portal: 'amazon', pageKind: 'chargeback' }))).toBeNull();
    expect(matchScore(chargebackFraud, facts({ portal: 'zalando', pageKind: 'chargeback', disputeReasons: ['fraud'] }))).toBeNull();
    expect(matchScore(tags({ fraudIndicators: ['po_box'] }), facts({ fraudIndicators: ['odd_hour', 'po_box'] }))).toBe(1);
  });

  it('sorts the closest SOPs first, then by title', () => {
    const sops = [
      { title: 'B general', tags: NO_TAGS },
      { title: 'A amazon', tags: tags({ portals: ['amazon'] }) },
      { title: 'C amazon claims', tags: tags({ portals: ['amazon'], caseKinds: ['claim'] }) },
      { title: 'D zalando', tags: tags({ portals: ['zalando'] }) },
    ];
    expect(rankSops(sops, facts({ portal: 'amazon', caseKind: 'claim' })).map((r) => r.item.title)).toEqual(['C amazon claims', 'A amazon', 'B general']);
  });

  it('adding a tag the case has never lowers the score; one it lacks excludes (property)', () => {
    const value = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 }), fc.array(value, { maxLength: 3 }), value, (tagged, have, extra) => {
        const before = matchScore(tags({ disputeReasons: tagged }), facts({ disputeReasons: have }));
        const after = matchScore(tags({ disputeReasons: [...tagged, extra] }), facts({ disputeReasons: have }));
        if (have.includes(extra)) expect(after).toBe(1);
        else if (before === null || tagged.length === 0) expect(after).toBeNull();
        else expect(after).toBe(before);
      }),
    );
  });

  it("picks the agent's language, else the default, saying so", () => {
    const sop = { defaultLanguage: 'de' as const, bodies: { de: 'Deutsch', fr: 'Français' } };
    expect(pickBody(sop, 'fr')).toEqual({ language: 'fr', body: 'Français', fallback: false });
    expect(pickBody(sop, 'it')).toEqual({ language: 'de', body: 'Deutsch', fallback: true });
    expect(pickBody({ defaultLanguage: 'en', bodies: {} }, 'en')).toBeNull();
  });
});
