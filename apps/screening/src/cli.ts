import 'reflect-metadata';
import { runServiceCli } from '@seleksi/messaging';
import { SCREENING_MIGRATIONS } from './migrations';

runServiceCli({ service: 'screening', migrations: SCREENING_MIGRATIONS }, process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`screening migrate failed: ${error.message}\n`);
  process.exit(1);
});
