import { loadConfig } from '@seleksi/messaging';
import { ScreeningConfig } from './screening.config';

const BASE = {
  PORT: '0',
  DB_HOST: '127.0.0.1',
  DB_PORT: '5432',
  DB_NAME: 'seleksi',
  DB_USER: 'seleksi_screening',
  KAFKA_BROKERS: '127.0.0.1:9092',
  JWT_PUBLIC_KEY_FILE: '/tmp/key.pem',
  DOCUMENT_GRANT_KEY: '0123456789abcdef0123456789abcdef',
};

describe(ScreeningConfig.name, () => {
  it.each([
    { name: 'is missing', env: BASE },
    { name: 'is shorter than 16 characters', env: { ...BASE, KK_DIGEST_KEY: 'too-short' } },
  ])('refuses to boot when KK_DIGEST_KEY $name', ({ env }) => {
    expect(() => loadConfig(ScreeningConfig, env)).toThrow(/KK_DIGEST_KEY/);
  });

  it.each([
    { name: 'is missing', env: { ...BASE, KK_DIGEST_KEY: '0123456789abcdef', DOCUMENT_GRANT_KEY: undefined } },
    { name: 'is shorter than 32 characters', env: { ...BASE, KK_DIGEST_KEY: '0123456789abcdef', DOCUMENT_GRANT_KEY: 'too-short-for-a-mac-key' } },
  ])('refuses to boot when DOCUMENT_GRANT_KEY $name', ({ env }) => {
    expect(() => loadConfig(ScreeningConfig, env as Record<string, string>)).toThrow(/DOCUMENT_GRANT_KEY/);
  });

  it('accepts a key of 16 characters or more', () => {
    expect(loadConfig(ScreeningConfig, { ...BASE, KK_DIGEST_KEY: '0123456789abcdef' }).KK_DIGEST_KEY).toBe('0123456789abcdef');
  });
});
