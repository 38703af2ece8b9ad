/**
 * Runs the e2e fixture web on its own, for poking at fixture pages by hand or
 * pointing a browser at it:
 *
 *   npx tsx scripts/fixture-server.ts [--port 8443] [--verbose]
 *
 * then e.g.
 *
 *   chromium --host-resolver-rules="MAP * 127.0.0.1:8443" --ignore-certificate-errors https://fixture-web.test/
 *
 * (https://fixture-web.test/ lists every page). The server itself lives in
 * tests/e2e/support/fixture-web.ts; this file re-exports it for other scripts.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { FixtureWeb } from '../tests/e2e/support/fixture-web';

export { FixtureWeb, FIXTURE_ROOT } from '../tests/e2e/support/fixture-web';
export type { Behaviour, Route, LoggedRequest } from '../tests/e2e/support/fixture-web';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, verbose: { type: 'boolean', default: false } } });
  const web = await new FixtureWeb({ port: Number(values.port), verbose: values.verbose }).start();
  console.log(`fixture web listening on https://127.0.0.1:${web.port} (and http:// on the same port)`);
  console.log(`chromium --host-resolver-rules="${web.hostResolverRule}" --ignore-certificate-errors https://fixture-web.test/`);
  for (const page of web.listPages()) console.log(`  ${page}`);
  const stop = () => void web.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
