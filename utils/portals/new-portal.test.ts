import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PORTALS } from './registry';
import type { PortalDefinition } from './types';

/**
 * The registry's promise: a portal is its folder, its detector entrypoint and a line in the registry.
 * A throwaway portal, registered here only (the registry module mocked with one more entry), flows
 * through the schemas, the SLA defaults and clocks, template values, lint and language, disputes, the
 * reports' SLA rules, the order-id guess and the manifest matches, with no other file changed.
 */

const acmeReply = {
  label: 'Acme reply',
  warningFraction: 0.25,
  notifyLeadMinutes: 60,
  clock: 'calendar' as const,
  duration: { amount: 12, unit: 'hours' as const },
};

const acmeClaim = {
  label: 'Acme claim response',
  warningFraction: 0.25,
  notifyLeadMinutes: 240,
  clock: 'calendar' as const,
  duration: { amount: 3, unit: 'days' as const },
};

const acme: PortalDefinition<'acme', 'acme_reply' | 'acme_claim_response', 'acme_claim'> = {
  id: 'acme',
  name: 'Acme Market',
  hosts: ['sellers.acme-market.example'],
  detector: { entrypoint: 'acme-detector', file: 'acme' },
  panel: { entrypoint: 'panel-acme' },
  marketplaces: { codePattern: /^ACME-[A-Z]{2}$/, owns: (code) => code.startsWith('ACME-'), country: (code) => code.slice('ACME-'.length) },
  sla: {
    policies: { acme_reply: acmeReply, acme_claim_response: acmeClaim },
    fixedClocks: [],
    clockFor: (ctx) => {
      if (ctx.pageKind === 'message') return { caseKind: 'acme_reply', ...(ctx.message?.receivedAt ? { startedAt: ctx.message.receivedAt } : {}) };
      if (ctx.pageKind === 'claim') return { caseKind: 'acme_claim_response', ...(ctx.claim?.filedAt ? { startedAt: ctx.claim.filedAt } : {}) };
      return null;
    },
    clockOfCaseKind: { message: 'acme_reply', claim: 'acme_claim_response' },
  },
  disputes: {
    kinds: { acme_claim: { claim: true, labels: { en: 'Acme claim', de: 'Acme-Antrag', fr: 'réclamation Acme', es: 'reclamación Acme', it: 'reclamo Acme' } } },
    kindForPage: (ctx) => (ctx.pageKind === 'claim' ? 'acme_claim' : undefined),
  },
  templates: {
    storefrontName: () => 'Acme Market',
    orderId: (ctx) => ctx.orderNumber ?? ctx.orderId,
    messagingRules: [{ rule: 'external-link', message: 'Acme allows no links', re: /https?:\/\/\S+/g }],
  },
  messagesFrom: 'buyer',
  isOrderId: (id) => /^ACM-\d{6}$/.test(id),
};

async function withAcme() {
  vi.resetModules();
  vi.doMock('./registry', async (importOriginal) => {
    const original = await importOriginal<{ PORTALS: typeof PORTALS }>();
    return { PORTALS: [...original.PORTALS, acme] };
  });
  return {
    common: await import('../schemas/common'),
    sla: await import('../schemas/sla'),
    disputes: await import('../schemas/disputes'),
    page: await import('../schemas/page'),
    catalogue: await import('./catalogue'),
    policies: await import('../sla/policies'),
    caseKind: await import('../sla/case-kind'),
    vars: await import('../templates/vars'),
    lint: await import('../templates/lint'),
    language: await import('../templates/language'),
    defence: await import('../disputes/defence-words'),
    reportsSla: await import('../../server/services/reports-sla'),
    disputesPage: await import('../../server/services/disputes-page'),
    pageKeys: await import('../../server/services/page-keys'),
  };
}

afterEach(() => {
  vi.doUnmock('./registry');
  vi.resetModules();
});

const page = {
  portal: 'acme',
  url: 'https://sellers.acme-market.example/orders/ACM-123456',
  marketplace: { code: 'ACME-FR', currency: 'EUR', timeZone: 'Europe/Paris' },
  orderId: 'ACM-123456',
  orderNumber: '123456',
  buyer: { name: 'Jeanne Martin' },
  items: [],
  recognition: { status: 'full', missing: [] },
};

describe('a new portal is its folder, its entrypoint and a registry line', () => {
  test('schemas, SLA, templates, lint, disputes, reports and the manifest take it from the registry', async () => {
    const m = await withAcme();
    // Schemas: the portal id, its marketplace codes, clocks, dispute kinds and sources.
    expect(m.common.PortalId.parse('acme')).toBe('acme');
    expect(m.common.CasePortal.parse('acme')).toBe('acme');
    expect(m.common.MarketplaceCode.safeParse('ACME-FR').success).toBe(true);
    expect(m.sla.SlaCaseKind.parse('acme_reply')).toBe('acme_reply');
    expect(m.disputes.DisputeKind.parse('acme_claim')).toBe('acme_claim');
    expect(m.disputes.DisputeSource.parse('acme')).toBe('acme');
    const message = m.page.PageContext.parse({
      ...page,
      pageKind: 'message',
      message: { body: 'Où est mon colis ?', receivedAt: '2026-11-30T08:00:00Z', from: 'buyer' },
    });

    // SLA: its default policy and the clock of its pages.
    expect(m.policies.DEFAULT_POLICIES.policies).toMatchObject({ acme_reply: acmeReply, acme_claim_response: acmeClaim });
    expect(m.policies.validatePolicySet(m.policies.DEFAULT_POLICIES).ok).toBe(true);
    expect(m.caseKind.caseKindForPage(message)).toEqual({ caseKind: 'acme_reply', startedAt: '2026-11-30T08:00:00Z' });

    // Templates: values, the portal's messaging rules, the buyer's language from its marketplace code.
    const vars = m.vars.templateVarsFromContext(message, { agentName: 'Sam' });
    expect(vars).toMatchObject({ marketplace: 'Acme Market', 'order.id': '123456', 'buyer.firstName': 'Jeanne' });
    expect(m.lint.lintTemplate('Voir https://acme.example/x', { portal: message.portal }).map((f) => f.message)).toEqual(['Acme allows no links']);
    expect(m.lint.lintTemplate('Voir https://acme.example/x', { marketplaces: ['ACME-FR'] }).map((f) => f.message)).toEqual(['Acme allows no links']);
    expect(m.language.languageForMarketplace('ACME-FR', 'en')).toBe('fr');

    // Disputes: its claim page is a dispute of its own kind, named in the defence's language.
    const claim = m.page.PageContext.parse({
      ...page,
      pageKind: 'claim',
      claim: { id: 'CL-9', amount: { amountMinor: 4500, currency: 'EUR' }, reason: 'Article non reçu', filedAt: '2026-11-30T08:00:00Z' },
    });
    const dispute = m.disputesPage.disputeFromPage(claim, m.policies.DEFAULT_POLICIES, new Date('2026-11-30T09:00:00Z'));
    expect(dispute).toMatchObject({ kind: 'acme_claim', portal: 'acme', externalId: 'CL-9' });
    // Three calendar days from the filing, on the portal's own claim clock.
    expect(dispute.deadline.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    expect(m.catalogue.isMarketplaceClaim('acme_claim')).toBe(true);
    expect(m.defence.disputeKindLabel(dispute.kind, 'de')).toBe('Acme-Antrag');

    // Reports: cases of its kinds are counted against its clock; its chargebacks on the card window.
    const rules = m.reportsSla.slaRulesFor(m.policies.DEFAULT_POLICIES).calendar.filter((r) => r.portal === 'acme');
    expect(rules.map((r) => [r.kind, r.policy])).toEqual([
      ['message', 'acme_reply'],
      ['claim', 'acme_claim_response'],
      ['chargeback', 'card_dispute'],
    ]);

    // An order known only by its id, and the hosts the manifest asks for.
    expect(m.pageKeys.guessPortalOfOrderId('ACM-654321')).toBe('acme');
    expect(m.catalogue.PORTAL_MATCHES).toContain('https://sellers.acme-market.example/*');
    expect(m.catalogue.PORTAL_HOSTS.has('sellers.acme-market.example')).toBe(true);
  }, 60_000);

  test('without the registry line, nothing knows it', async () => {
    vi.resetModules();
    const common = await import('../schemas/common');
    expect(common.PortalId.safeParse('acme').success).toBe(false);
    const pageKeys = await import('../../server/services/page-keys');
    expect(pageKeys.guessPortalOfOrderId('ACM-654321')).toBe('shop');
  }, 60_000);
});
