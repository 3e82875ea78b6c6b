import 'reflect-metadata';
import { runServiceCli } from '@seleksi/messaging';
import { REGISTRATION_MIGRATIONS } from './migrations';

runServiceCli({ service: 'registration', migrations: REGISTRATION_MIGRATIONS }, process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`registration migrate failed: ${error.message}\n`);
  process.exit(1);
});
