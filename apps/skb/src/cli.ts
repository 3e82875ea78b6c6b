import 'reflect-metadata';
import { runServiceCli } from '@seleksi/messaging';
import { SKB_MIGRATIONS } from './migrations';

runServiceCli({ service: 'skb', migrations: SKB_MIGRATIONS }, process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`skb migrate failed: ${error.message}\n`);
  process.exit(1);
});
