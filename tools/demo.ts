/**
 * The demo period (see tools/demo/):
 *   node dist/tools/demo.js [seed]   seeds it (`npm start` does this; idempotent)
 *   npm run demo -- advance          performs the next stage, registration to placement
 *   npm run demo -- status           says which stages are done and what comes next
 * Options: --database <name> (the registration CLI's database), --applicants <n> (seed); --registration,
 * --screening, --skb, --interview, --placement <base URL> and --data-dir <dir> (clock file, staff.json)
 * for services elsewhere than `npm start`'s (the data dir must be the one their CLOCK_FILE is in).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { advanceDemo, demoStatus } from './demo/advance';
import { defaultTargets } from './demo/demo-context';
import { seedDemo } from './demo/seed';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    database: { type: 'string', default: process.env.SELEKSI_DB ?? 'seleksi' },
    applicants: { type: 'string', default: '200' },
    // Elsewhere than `npm start`'s ports and .data/demo (a rehearsal on other ports):
    registration: { type: 'string' },
    screening: { type: 'string' },
    skb: { type: 'string' },
    interview: { type: 'string' },
    placement: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});
const command = positionals[0] ?? 'seed';
const defaults = defaultTargets(values.database!, (line) => process.stdout.write(`${line}\n`));
const dataDir = values['data-dir'] ?? defaults.dataDir;
const targets = {
  ...defaults,
  registration: values.registration ?? defaults.registration,
  screening: values.screening ?? defaults.screening,
  skb: values.skb ?? defaults.skb,
  interview: values.interview ?? defaults.interview,
  placement: values.placement ?? defaults.placement,
  dataDir,
  clockFile: join(dataDir, 'clock'),
};

async function main(): Promise<void> {
  if (command === 'seed') await seedDemo(targets, Number(values.applicants));
  else if (command === 'advance') await advanceDemo(targets);
  else if (command === 'status') await demoStatus(targets);
  else {
    process.stderr.write('usage: npm run demo -- advance | status  (seed: node dist/tools/demo.js [seed] [--applicants 200])\n');
    process.exit(64);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`demo ${command} failed: ${error.message}\n`);
  process.exit(1);
});
