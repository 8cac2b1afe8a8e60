import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs `tsx server/main.ts` as `npm run server` would, collecting stdout lines. */
function runServer(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // A first start with --demo migrates and seeds a new data dir: tens of seconds on a loaded 2-core runner.
  const line = async (event: string, timeoutMs = 120_000) => {
    const start = Date.now();
    for (;;) {
      const found = stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, string>)
        .find((l) => l.event === event);
      if (found) return found;
      if (child.exitCode !== null || Date.now() - start > timeoutMs) throw new Error(`no ${event} line; stderr: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, line, output: () => ({ stdout, stderr }) };
}

describe('npm run server (server/main.ts)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'caseside-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits with a message naming a bad option', async () => {
    const run = runServer(['--port', 'eighty']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toContain('--port (or PORT) must be a whole number, got "eighty"');
    expect(run.output().stdout).toBe('');
  });

  it('listens on port 0, prints its real URL as one JSON line, and stops cleanly on SIGTERM', async () => {
    const run = runServer(['--port', '0', '--data-dir', dataDir, '--demo']);
    const listening = await run.line('listening');
    expect(listening).toMatchObject({ event: 'listening', database: 'pglite' });
    expect(listening.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(listening.url).not.toMatch(/:0$/);

    const health = await fetch(`${listening.url}/health`);
    expect(await health.json()).toMatchObject({ ok: true, database: 'pglite' });
    const me = await fetch(`${listening.url}/v1/me`, { headers: { authorization: 'Bearer demo-agent-token' } });
    expect((await me.json()).agent.name).toBe('Alex Agent');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(await run.line('closed')).toMatchObject({ signal: 'SIGTERM' });
  }, 180_000);
});
