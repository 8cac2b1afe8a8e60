import { defineConfig } from 'drizzle-kit';

// One set of SQL migrations serves PGlite and PostgreSQL alike; `npx drizzle-kit generate` writes a new
// numbered file into server/db/migrations. Committed migrations are never edited.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
