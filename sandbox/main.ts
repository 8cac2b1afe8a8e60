import { startSandbox } from './server';

// `npm run sandbox -- --port 8443`: the portal sandbox alone.
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 8443;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${process.argv[portArg + 1]}`);
  process.exit(2);
}
// Served as a live demo: the pages' dates are moved to this start.
const sandbox = await startSandbox({ port, now: new Date() });
console.log(JSON.stringify({ event: 'listening', port: sandbox.port, hostResolverRules: sandbox.hostResolverRules }));
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
