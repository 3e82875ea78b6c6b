import 'reflect-metadata';
import { runServiceCli } from '@seleksi/messaging';
import { PLACEMENT_MIGRATIONS } from './migrations';

runServiceCli({ service: 'placement', migrations: PLACEMENT_MIGRATIONS }, process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`placement migrate failed: ${error.message}\n`);
  process.exit(1);
});
