import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamHostList } from '../../utils/api-routes/admin';
import { AuditPage } from '../../utils/schemas/audit';
import { closeTestApp, openTestApp } from '../../tests/server/app';
import { testDatabases } from '../../tests/server/databases';
import { auth, type TestTeam } from '../../tests/server/harness';
import { createAgent } from '../repositories/agents';
import { insertToken } from '../repositories/tokens';
import { MAX_TEAM_HOSTS } from '../services/team-hosts';

describe.each(testDatabases())("the team's portal hosts on $kind", (target) => {
  let app: FastifyInstance;
  let a: TestTeam;
  let b: TestTeam;
  let receiverToken: string;

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: unknown) =>
    app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  const list = async (token: string) => TeamHostList.parse((await call('GET', '/v1/team-hosts', token)).json()).hosts;

  beforeAll(async () => {
    ({
      app,
      teams: [a, b],
    } = await openTestApp(target, 'Alpha', 'Beta'));
    const receiver = await createAgent(app.db, a.teamId, { name: 'Alpha Receiver', role: 'receiver' });
    receiverToken = (await insertToken(app.db, { teamId: a.teamId, agentId: receiver.id, label: 'test' })).token;
  });
  afterAll(() => closeTestApp(app, target));

  it('a lead adds a host once for the whole team; agents read it; another team and receivers do not', async () => {
    expect(await list(a.agentToken)).toEqual([]);
    const host = { portal: 'mirakl', host: 'conrad-prod.mirakl.net' };
    expect((await call('POST', '/v1/team-hosts', a.agentToken, host)).statusCode).toBe(403);
    const added = await call('POST', '/v1/team-hosts', a.leadToken, { portal: 'mirakl', host: ' Conrad-Prod.Mirakl.net ' });
    expect(added.statusCode).toBe(200);
    expect(TeamHostList.parse(added.json()).hosts).toEqual([host]);
    // Adding it again changes nothing and writes no second audit entry.
    expect(TeamHostList.parse((await call('POST', '/v1/team-hosts', a.leadToken, host)).json()).hosts).toEqual([host]);
    expect(await list(a.agentToken)).toEqual([host]);
    expect(await list(b.agentToken)).toEqual([]);
    expect((await call('GET', '/v1/team-hosts', receiverToken)).statusCode).toBe(403);
    const audit = AuditPage.parse((await call('GET', '/v1/audit', a.leadToken)).json());
    expect(audit.entries.filter((e) => e.action === 'team_host.added').map((e) => e.details)).toEqual([host]);

    const removed = await call('DELETE', '/v1/team-hosts/mirakl/conrad-prod.mirakl.net', a.leadToken);
    expect(removed.statusCode).toBe(200);
    expect(TeamHostList.parse(removed.json()).hosts).toEqual([]);
    const again = await call('DELETE', '/v1/team-hosts/mirakl/conrad-prod.mirakl.net', a.leadToken);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ error: { field: 'params.host' } });
  });

  it('answers 400 naming the field for a portal with its own hosts, a built-in host, a URL or a host too many', async () => {
    const refused = async (body: unknown, field: string) => {
      const res = await call('POST', '/v1/team-hosts', b.leadToken, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { field } });
    };
    await refused({ portal: 'amazon', host: 'seller.example.com' }, 'body.portal');
    await refused({ portal: 'mirakl', host: 'sellercentral.amazon.de' }, 'body.host');
    await refused({ portal: 'mirakl', host: 'https://x.mirakl.net/mmp/shop' }, 'body.host');
    await refused({ portal: 'nowhere', host: 'x.mirakl.net' }, 'body.portal');
    for (let i = 0; i < MAX_TEAM_HOSTS; i++) {
      expect((await call('POST', '/v1/team-hosts', b.leadToken, { portal: 'mirakl', host: `op${i}-prod.mirakl.net` })).statusCode).toBe(200);
    }
    await refused({ portal: 'mirakl', host: 'one-too-many.mirakl.net' }, 'body.host');
    expect(await list(b.agentToken)).toHaveLength(MAX_TEAM_HOSTS);
  });
});
