// Ad-hoc: CPU profile of the server answering /v1/panel (in process, PGlite quick data).
import { startServer } from '../server/start';
import { openDatabase } from '../server/db/open';
import { benchOrderContext, seedBenchData } from '../server/seed/bench-data';
import { routePath } from '../utils/api-routes';
import { runLoad } from './lib/load';
import { pgliteDataDir } from './lib/seeded';
const dataDir = pgliteDataDir(true);
const h = await openDatabase({ dataDir });
const seed = await seedBenchData(h.db, { orders: 20000, events: 50000 });
await h.close();
const server = await startServer({ dataDir, port: 0, rateLimitPerMinute: 100000000 });
const bodies = Array.from({ length: 500 }, (_, k) => JSON.stringify({ context: benchOrderContext(19999 - k * 37, 20000).context }));
const r = await runLoad({
  url: server.url,
  concurrency: 20,
  durationMs: 15000,
  warmupMs: 2000,
  next: (a, n) => ({
    method: 'POST',
    path: routePath('panel.load'),
    headers: { authorization: `Bearer ${seed.tokens[a]}` },
    body: bodies[(a * 31 + n) % bodies.length]!,
  }),
});
console.log(r.rps.toFixed(1), 'req/s', r.p50.toFixed(1), r.errors, JSON.stringify(r.statuses));
await server.close();
