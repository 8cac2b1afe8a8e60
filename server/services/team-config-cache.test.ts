import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type BackendProcess } from '../../scripts/lib/backend-process';
import { DEFAULT_MATRIX } from '../../utils/fraud/matrix';
import { PanelData } from '../../utils/schemas/api';
import { FraudMatrixView, TemplateSaved } from '../../utils/schemas/admin';
import { buildApp } from '../app';
import { testDatabases } from '../../tests/server/databases';
import { auth, createTestTeam, orderPage, type TestTeam } from '../../tests/server/harness';

/**
 * The team configuration the panel reads from memory (services/team-config-cache.ts) follows every change
 * a lead saves: on the instance that saved it at once, and on PostgreSQL on every other instance through
 * the database's notification, well before the cache's age bound (30 s) would reload it.
 */
const page = orderPage();
const HEARD_WITHIN_MS = 5_000;

/** Either an in-process app (inject) or a backend process (HTTP): one way to call both. */
type Call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: unknown) => Promise<{ status: number; json: unknown }>;

const injectCall =
  (app: FastifyInstance): Call =>
  async (method, url, token, payload) => {
    const res = await app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, json: res.json() };
  };

const httpCall =
  (base: string): Call =>
  async (method, url, token, payload) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...auth(token), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };

async function panelOf(call: Call, token: string): Promise<PanelData> {
  const res = await call('POST', '/v1/panel', token, { context: page });
  expect(res.status).toBe(200);
  return PanelData.parse(res.json);
}

/** Loads the panel until `seen` holds or the time is up; returns how long it took, or -1. */
async function heardWithin(call: Call, token: string, seen: (p: PanelData) => boolean, ms = HEARD_WITHIN_MS): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (seen(await panelOf(call, token))) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  return -1;
}

async function saveTemplate(call: Call, team: TestTeam, title: string): Promise<string> {
  const res = await call('POST', '/v1/templates', team.leadToken, { title, body: 'Hallo', language: 'de', scope: 'team' });
  expect(res.status).toBe(201);
  return TemplateSaved.parse(res.json).template.id;
}

async function renameTemplate(call: Call, team: TestTeam, id: string, title: string, expectedVersion: number): Promise<void> {
  const res = await call('PUT', `/v1/templates/${id}`, team.leadToken, { title, body: 'Hallo', language: 'de', scope: 'team', expectedVersion });
  expect(res.status).toBe(200);
}

async function saveThresholds(call: Call, team: TestTeam, review: number): Promise<number> {
  const current = FraudMatrixView.parse((await call('GET', '/v1/fraud/matrix', team.leadToken)).json);
  const res = await call('PUT', '/v1/fraud/matrix', team.leadToken, {
    matrix: { ...DEFAULT_MATRIX, thresholds: { review, hold: 90 } },
    expectedVersion: current.version,
  });
  expect(res.status).toBe(200);
  return FraudMatrixView.parse(res.json).version;
}

const titles = (p: PanelData) => p.templates.map((t) => t.title);

describe.each(testDatabases())('team configuration cache on $kind', (target) => {
  let app: FastifyInstance;
  let team: TestTeam;
  let local: Call;

  beforeAll(async () => {
    const { db } = await target.open();
    app = await buildApp({ db });
    team = await createTestTeam(app.db, 'Cache');
    local = injectCall(app);
  });
  afterAll(async () => {
    await app?.close();
    await target.dispose();
  });

  it("shows a lead's template and matrix changes on the next panel load of the same instance", async () => {
    // A saved matrix first, so the version the panel scores with moves away from the default's.
    const first = await saveThresholds(local, team, 10);
    const before = await panelOf(local, team.agentToken); // caches the team's configuration
    expect(before.fraud?.matrixVersion).toBe(first);
    const id = await saveTemplate(local, team, 'Added after caching');
    expect(titles(await panelOf(local, team.agentToken))).toContain('Added after caching');

    await renameTemplate(local, team, id, 'Renamed after caching', 1);
    const renamed = titles(await panelOf(local, team.agentToken));
    expect(renamed).toContain('Renamed after caching');
    expect(renamed).not.toContain('Added after caching');

    const version = await saveThresholds(local, team, 5);
    const after = await panelOf(local, team.agentToken);
    expect(version).toBe(first + 1);
    expect(after.fraud?.matrixVersion).toBe(version);
  });

  it.runIf(target.kind === 'postgres')('drops what it holds when its listening connection comes back, since notifications in between were lost', async () => {
    const id = await saveTemplate(local, team, 'Before the outage');
    expect(titles(await panelOf(local, team.agentToken))).toContain('Before the outage'); // cached
    const admin = new pg.Client({ connectionString: target.url! });
    await admin.connect();
    try {
      // In one transaction: the listener's backend is gone (waited for) before the rename commits, so its
      // notification reaches nobody here; only the reconnect can tell the cache.
      await admin.query('begin');
      const killed = await admin.query(
        `select pg_terminate_backend(pid, 5000) from pg_stat_activity where application_name = 'caseside listener' and datname = current_database()`,
      );
      expect(killed.rowCount).toBe(1);
      await admin.query(`update templates set title = 'During the outage' where id = $1`, [id]);
      await admin.query('commit');
    } finally {
      await admin.end();
    }
    expect(await heardWithin(local, team.agentToken, (p) => titles(p).includes('During the outage'))).toBeGreaterThanOrEqual(0);
  });

  // Two backends on one PostgreSQL: this test's app and a real server process. Each one's write reaches
  // the other only through the database (nothing in one process's memory is seen by the other).
  describe.runIf(target.kind === 'postgres')('with a second instance on the same database', () => {
    let other: BackendProcess;
    let remote: Call;
    let dataDir: string;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'caseside-cache-'));
      other = await startBackend({ dataDir, demo: false, env: { DATABASE_URL: target.url!, LOG_LEVEL: 'silent' }, startTimeoutMs: 120_000 });
      remote = httpCall(other.url);
    }, 150_000);
    afterAll(async () => {
      await other?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('a template the other instance saves or renames shows in the next panel load here', async () => {
      expect(titles(await panelOf(local, team.agentToken))).not.toContain('From the other instance');
      expect(titles(await panelOf(remote, team.agentToken))).not.toContain('From the other instance');
      const id = await saveTemplate(remote, team, 'From the other instance');
      expect(await heardWithin(local, team.agentToken, (p) => titles(p).includes('From the other instance'))).toBeGreaterThanOrEqual(0);

      await renameTemplate(remote, team, id, 'Renamed on the other instance', 1);
      expect(await heardWithin(local, team.agentToken, (p) => titles(p).includes('Renamed on the other instance'))).toBeGreaterThanOrEqual(0);
    });

    it("this instance's matrix and template changes show in the other instance's next panel load", async () => {
      const cached = await panelOf(remote, team.agentToken);
      const version = await saveThresholds(local, team, 7);
      expect(cached.fraud?.matrixVersion).not.toBe(version);
      expect(await heardWithin(remote, team.agentToken, (p) => p.fraud?.matrixVersion === version)).toBeGreaterThanOrEqual(0);

      await saveTemplate(local, team, 'From the test instance');
      expect(await heardWithin(remote, team.agentToken, (p) => titles(p).includes('From the test instance'))).toBeGreaterThanOrEqual(0);
    });
  });
});
