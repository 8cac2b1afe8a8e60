import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Runs the real backend CLI (`server/main.ts`) as its own process, the way a team runs it, so tests can
 * stop it and start it again on the same port and data directory.
 */
export interface BackendProcess {
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would: no shutdown code runs. Resolves once the process is gone. */
  kill: () => Promise<void>;
}

/**
 * How long a backend may take to print that it listens: 60 s, or CASESIDE_BACKEND_START_MS on a machine
 * so loaded (load average 15 and more on two cores) that compiling and seeding the demo takes longer.
 */
export function backendStartTimeoutMs(): number {
  const fromEnv = Number(process.env.CASESIDE_BACKEND_START_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 60_000;
}

export async function startBackend(opts: {
  dataDir: string;
  port?: number;
  demo?: boolean;
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
  args?: string[];
}): Promise<BackendProcess> {
  const args = [
    '--import',
    'tsx',
    'server/main.ts',
    '--port',
    String(opts.port ?? 0),
    '--data-dir',
    opts.dataDir,
    ...(opts.demo === false ? [] : ['--demo']),
    ...(opts.args ?? []),
  ];
  const env = { ...process.env, ...opts.env };
  // The e2e backend always uses the embedded database unless a test asks otherwise.
  if (!opts.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const startTimeoutMs = opts.startTimeoutMs ?? backendStartTimeoutMs();
    const timer = setTimeout(() => reject(new Error(`backend did not start in ${startTimeoutMs / 1000} s\n${stderr}`)), startTimeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string };
        if (msg.event === 'listening' && msg.url) {
          clearTimeout(timer);
          resolve(msg.url);
        }
      } catch {
        /* a log line */
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`backend exited with ${code}\n${stderr}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
