import 'reflect-metadata';
import { runServiceCli } from '@seleksi/messaging';
import { INTERVIEW_MIGRATIONS } from './migrations';

runServiceCli({ service: 'interview', migrations: INTERVIEW_MIGRATIONS }, process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`interview migrate failed: ${error.message}\n`);
  process.exit(1);
});
