import { defineConfig } from 'drizzle-kit';

// One set of SQL migrations serves PGlite and PostgreSQL alike; `npx drizzle-kit generate` writes a new
// numbered file into server/db/migrations. Committed migrations are never edited.
// Each feature keeps its tables in its own schema file, listed here when its first migration is made.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './server/db/schema.ts',
    './server/db/schema-reports.ts',
    './server/db/schema-disputes.ts',
    './server/db/schema-admin.ts',
    './server/db/schema-health.ts',
    './server/db/schema-audit.ts',
    './server/db/schema-handoffs.ts',
    './server/db/schema-sops.ts',
    './server/db/schema-payments.ts',
    './server/db/schema-processor-keys.ts',
  ],
  out: './server/db/migrations',
});
