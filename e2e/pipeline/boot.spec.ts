import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceEnv, spawnService, waitFor } from '@seleksi/testing';

describe('service boot', () => {
  it.each(['DB_NAME', 'KAFKA_BROKERS', 'JWT_PUBLIC_KEY_FILE', 'PORT'])('refuses to start without %s and names it', async (missing) => {
    const env = serviceEnv('screening', 3111);
    delete env[missing];
    const service = spawnService('screening', env);
    const exit = await service.exited;
    expect(exit.code).toBe(78);
    expect(service.logs()).toContain(`${missing}:`);
    expect(service.logs()).toContain('cannot start');
  });

  it.each(['JWT_PRIVATE_KEY_FILE', 'PII_ENCRYPTION_KEY', 'KK_DIGEST_KEY', 'PORTAL_URL'])(
    'refuses to start registration without %s and names it',
    async (missing) => {
      const env = serviceEnv('registration', 3115);
      delete env[missing];
      const service = spawnService('registration', env);
      expect((await service.exited).code).toBe(78);
      expect(service.logs()).toContain(`${missing}:`);
    },
  );

  it('refuses a signing key whose public half no service would accept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seleksi-other-key-'));
    const other = join(dir, 'other.pem');
    writeFileSync(other, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const service = spawnService('registration', serviceEnv('registration', 3115, { JWT_PRIVATE_KEY_FILE: other }));
    expect((await service.exited).code).toBe(78);
    expect(service.logs()).toContain('JWT_PRIVATE_KEY_FILE: its public key is not the one in JWT_PUBLIC_KEY_FILE');
  });

  it('refuses a malformed setting with the value it got', async () => {
    const service = spawnService('skb', serviceEnv('skb', 3112, { KAFKA_PARTITIONS: 'six' }));
    expect((await service.exited).code).toBe(78);
    expect(service.logs()).toContain('KAFKA_PARTITIONS');
    expect(service.logs()).toContain('"six"');
  });

  it('keeps running and reports not ready while Kafka is unreachable', async () => {
    const service = spawnService('interview', serviceEnv('interview', 3113, { KAFKA_BROKERS: '127.0.0.1:1' }));
    try {
      await waitFor('the service to answer', async () => (await fetch(`${service.url}/health/live`)).status === 200, { timeoutMs: 60_000 });
      await new Promise((r) => setTimeout(r, 3_000));
      const ready = await fetch(`${service.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual(
        expect.objectContaining({
          code: 'NOT_READY',
          postgres: true,
          kafka: false,
          down: [expect.objectContaining({ dependency: 'kafka', since: expect.any(String) })],
        }),
      );
      await waitFor('the consumer to log its retry', () => service.logs().includes('retrying in'), { timeoutMs: 60_000 });
      expect(service.child.exitCode).toBeNull();
      expect((await fetch(`${service.url}/health/ready`)).status).toBe(503);
    } finally {
      await service.stop();
    }
  });

  it('stops consuming, then closes the relay and the pool on SIGTERM', async () => {
    const service = spawnService('placement', serviceEnv('placement', 3114));
    await waitFor('placement to be ready', async () => (await fetch(`${service.url}/health/ready`)).status === 200, { timeoutMs: 60_000 });
    const started = Date.now();
    await service.stop('SIGTERM');
    // Nest re-raises the signal after its shutdown hooks, so the process ends by SIGTERM, but in order.
    expect(await service.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(Date.now() - started).toBeLessThan(20_000);
    const logs = service.logs();
    expect(logs.indexOf('shutting down on SIGTERM')).toBeGreaterThan(-1);
    expect(logs.indexOf('shutdown complete')).toBeGreaterThan(logs.indexOf('shutting down on SIGTERM'));
  });
});
