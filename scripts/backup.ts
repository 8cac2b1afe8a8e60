/**
 * `npm run backup -- --data-dir ./data --out caseside-backup.tar.gz` and
 * `npm run backup -- --restore caseside-backup.tar.gz --data-dir ./data-restored`: a consistent copy of
 * the embedded database, and putting one back into an empty data directory. Stop the server first.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../server/config';
import { backupDataDir, restoreDataDir } from '../server/db/backup';

const USAGE = 'Usage: npm run backup -- [--data-dir ./data] --out FILE.tar.gz\n       npm run backup -- --restore FILE.tar.gz --data-dir ./new-data-dir';

let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, restore: { type: 'string' } },
  }));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
const dataDir = values['data-dir'] ?? (process.env.CASESIDE_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
if (Boolean(values.out) === Boolean(values.restore)) {
  process.stderr.write(`Give either --out (to back up) or --restore (to restore).\n${USAGE}\n`);
  process.exit(2);
}
try {
  if (values.out) {
    const { bytes } = await backupDataDir(dataDir, values.out);
    process.stdout.write(`Backed up ${dataDir} to ${values.out} (${bytes} bytes).\n`);
  } else {
    await restoreDataDir(values.restore!, dataDir);
    process.stdout.write(`Restored ${values.restore} into ${dataDir}; start the server with --data-dir ${dataDir}.\n`);
  }
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
