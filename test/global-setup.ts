import { join } from 'node:path';
import { ensureDemo } from '../src/core/demo/build.js';

/** Builds the demo database once per machine; tests copy it rather than build their own. */
export default async function setup(): Promise<void> {
  const dir = join(process.cwd(), '.tw-test-cache', 'demo-template');
  const t0 = Date.now();
  const how = await ensureDemo(dir);
  if (how === 'built') process.stderr.write(`test setup: built the demo template in ${Date.now() - t0} ms\n`);
  process.env.TW_TEST_DEMO_TEMPLATE = dir;
}
