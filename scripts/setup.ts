/**
 * `npm run setup -- --team "Acme EU" --lead "Lena Lead" [--email lena@acme.example] [--data-dir ./data]`
 * (DATABASE_URL or --database-url for PostgreSQL): creates a team and its first lead and prints the
 * lead's token once. Run it with the server stopped when the database is the embedded one (PGlite
 * allows one process per data directory).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../server/config';
import { openDatabase } from '../server/db/open';
import { SetupError, SetupInput, setUpTeam } from '../server/setup';

const USAGE = 'Usage: npm run setup -- --team "Acme EU" --lead "Lena Lead" [--email lena@acme.example] [--data-dir ./data] [--database-url postgres://...]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      team: { type: 'string' },
      lead: { type: 'string' },
      email: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
    },
  }));
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
const input = SetupInput.safeParse({ team: values.team, lead: values.lead, ...(values.email ? { email: values.email } : {}) });
if (!input.success) {
  const issue = input.error.issues[0]!;
  fail(`--${String(issue.path[0])} ${issue.input === undefined ? 'is required' : issue.message}.\n${USAGE}`);
}
const databaseUrl = values['database-url'] ?? (process.env.DATABASE_URL?.trim() || undefined);
const dataDir = values['data-dir'] ?? (process.env.CASESIDE_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
const handle = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
try {
  const created = await setUpTeam(handle.db, input.data);
  process.stdout.write(
    `Team "${input.data.team}" is set up with its lead ${input.data.lead} (${databaseUrl ? 'PostgreSQL' : `data in ${dataDir}`}).\n` +
      `The lead's token, shown this once (only its hash is stored):\n\n  ${created.token}\n\n` +
      "Sign in with it in the extension's options; the lead adds agents and their tokens there or through the API.\n",
  );
} catch (err) {
  if (err instanceof SetupError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  } else throw err;
} finally {
  await handle.close();
}
