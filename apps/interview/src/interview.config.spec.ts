import { ConfigError, loadConfig } from '@seleksi/messaging';
import { InterviewConfig } from './interview.config';

const BASE = {
  PORT: '0',
  DB_HOST: '127.0.0.1',
  DB_PORT: '5432',
  DB_NAME: 'seleksi',
  DB_USER: 'seleksi_interview',
  KAFKA_BROKERS: '127.0.0.1:9092',
  JWT_PUBLIC_KEY_FILE: '/tmp/key.pem',
};

describe(InterviewConfig.name, () => {
  it.each([
    { name: 'is missing', env: BASE },
    { name: 'is shorter than 16 characters', env: { ...BASE, KK_DIGEST_KEY: 'too-short' } },
  ])('refuses to boot when KK_DIGEST_KEY $name', ({ env }) => {
    expect(() => loadConfig(InterviewConfig, env)).toThrow(ConfigError);
    expect(() => loadConfig(InterviewConfig, env)).toThrow(/KK_DIGEST_KEY/);
  });

  it('accepts a 16-character key', () => {
    expect(loadConfig(InterviewConfig, { ...BASE, KK_DIGEST_KEY: '0123456789abcdef' }).KK_DIGEST_KEY).toBe('0123456789abcdef');
  });
});
