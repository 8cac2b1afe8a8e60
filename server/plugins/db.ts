import type { Database, ListenFn } from '../db/open';
import { LiveHub } from '../services/live';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    live: LiveHub;
  }
}

/** Makes the database and the live-event hub available to every route as `app.db` and `app.live`. */
export const dbPlugin = fp<{ db: Database; listen: ListenFn }>(async (app, opts) => {
  app.decorate('db', opts.db);
  const live = new LiveHub(opts.db, opts.listen, (err) => app.log.error({ err }, 'live event delivery failed'));
  app.decorate('live', live);
  await live.start();
  app.addHook('onClose', async () => {
    await live.stop();
  });
});
