import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { routePath } from '../../utils/api-routes';
import type { Agent } from '../../utils/schemas/api';
import { PageContext, type PageContextInput } from '../../utils/schemas/page';
import type { Database } from '../../server/db/open';
import { createAgent } from '../../server/repositories/agents';
import { createTeam } from '../../server/repositories/teams';
import { insertToken } from '../../server/repositories/tokens';

/** A team with one lead and one agent, each with a fresh token. Unique names keep teams apart in one database. */
export interface TestTeam {
  teamId: string;
  lead: Agent;
  agent: Agent;
  leadToken: string;
  agentToken: string;
  /** Id of the agent's token, to revoke it. */
  agentTokenId: string;
}

export async function createTestTeam(db: Database, label = 'Team'): Promise<TestTeam> {
  const team = await createTeam(db, `${label} ${randomUUID().slice(0, 8)}`);
  const lead = await createAgent(db, team.id, { name: `${label} Lead`, role: 'lead' });
  const agent = await createAgent(db, team.id, { name: `${label} Agent`, role: 'agent' });
  const leadToken = await insertToken(db, { teamId: team.id, agentId: lead.id, label: 'test' });
  const agentToken = await insertToken(db, { teamId: team.id, agentId: agent.id, label: 'test' });
  return { teamId: team.id, lead, agent, leadToken: leadToken.token, agentToken: agentToken.token, agentTokenId: agentToken.info.id };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Fresh Amazon-style order id, so tests sharing a database never meet each other's orders. */
export function newOrderId(prefix = '302'): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
  return `${prefix}-${digits(7)}-${digits(7)}`;
}

/** A valid Amazon.de order page context as an adapter would send it, with overrides. */
export function orderPage(overrides: Partial<PageContextInput> = {}): PageContextInput {
  const orderId = overrides.orderId ?? newOrderId();
  return {
    portal: 'amazon',
    pageKind: 'order',
    url: `https://sellercentral.amazon.de/orders-v3/order/${orderId}`,
    marketplace: { code: 'DE', amazonId: 'A1PA6795UKMFR9', currency: 'EUR', timeZone: 'Europe/Berlin', language: 'de' },
    orderId,
    buyer: { name: 'Max Mustermann' },
    shipTo: { name: 'Max Mustermann', lines: ['Hauptstraße 5'], city: 'Berlin', postalCode: '10115', country: 'DE', phone: '+49 30 1234567' },
    items: [{ title: 'Kaffeemaschine', asin: 'B000TEST01', quantity: 1, unitPrice: { amountMinor: 12999, currency: 'EUR' } }],
    totals: { total: { amountMinor: 12999, currency: 'EUR' } },
    purchasedAt: '2025-11-02T14:20:00Z',
    shippingService: 'Standard',
    recognition: { status: 'full', missing: [] },
    ...overrides,
  };
}

export function parsedPage(overrides: Partial<PageContextInput> = {}): PageContext {
  return PageContext.parse(orderPage(overrides));
}

export async function postPanel(app: FastifyInstance, token: string, context: PageContextInput) {
  return app.inject({ method: 'POST', url: routePath('panel.load'), headers: auth(token), payload: { context } });
}

export function idempotencyKey(): string {
  return `key_${randomUUID().replaceAll('-', '')}`;
}
