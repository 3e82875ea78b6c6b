import { loadConfig } from '@seleksi/messaging';
import { RegistrationConfig } from './registration.config';

const BASE = {
  PORT: '0',
  DB_HOST: '127.0.0.1',
  DB_PORT: '5432',
  DB_NAME: 'seleksi',
  DB_USER: 'seleksi_registration',
  KAFKA_BROKERS: '127.0.0.1:9092',
  JWT_PUBLIC_KEY_FILE: '/tmp/key.pem',
  JWT_PRIVATE_KEY_FILE: '/tmp/private.pem',
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  KK_DIGEST_KEY: '0123456789abcdef',
  PORTAL_URL: 'http://127.0.0.1:8080/',
};

describe(RegistrationConfig.name, () => {
  it.each<[string, Record<string, string | undefined>, RegExp]>([
    ['PORTAL_URL is missing', { PORTAL_URL: undefined }, /PORTAL_URL: must be the portal's public address/],
    ['PORTAL_URL is not a URL', { PORTAL_URL: 'portal.local' }, /PORTAL_URL/],
    ['PORTAL_URL is not http(s)', { PORTAL_URL: 'ftp://portal.example.id' }, /PORTAL_URL/],
    ['ALLOWED_ORIGINS holds a path', { ALLOWED_ORIGINS: 'https://a.example.id/portal' }, /ALLOWED_ORIGINS/],
    ['MAIL_TRANSPORT is smtp without SMTP_HOST', { MAIL_TRANSPORT: 'smtp', SMTP_FROM: 'noreply@example.id' }, /SMTP_HOST/],
    ['MAIL_TRANSPORT is smtp without SMTP_FROM', { MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'mail.example.id' }, /SMTP_FROM/],
    ['SMTP_USER comes without SMTP_PASSWORD', { SMTP_USER: 'seleksi' }, /SMTP_PASSWORD/],
    ['SMTP_SECURE is not a boolean', { SMTP_SECURE: 'yes' }, /SMTP_SECURE/],
  ])('refuses to boot when %s', (_, override, problem) => {
    expect(() => loadConfig(RegistrationConfig, { ...BASE, ...override })).toThrow(problem);
  });

  it('defaults the allowed origins to the portal origin and strips the trailing slash for links', () => {
    const config = loadConfig(RegistrationConfig, BASE);
    expect(config.allowedOrigins()).toEqual(['http://127.0.0.1:8080']);
    expect(config.portalBase()).toBe('http://127.0.0.1:8080');
    expect(loadConfig(RegistrationConfig, { ...BASE, ALLOWED_ORIGINS: 'https://a.example.id, https://b.example.id' }).allowedOrigins()).toEqual([
      'https://a.example.id',
      'https://b.example.id',
    ]);
  });

  it('accepts a complete SMTP setting', () => {
    const config = loadConfig(RegistrationConfig, {
      ...BASE,
      MAIL_TRANSPORT: 'smtp',
      SMTP_HOST: 'mail.example.id',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'seleksi',
      SMTP_PASSWORD: 'secret',
      SMTP_FROM: 'Seleksi <noreply@example.id>',
    });
    expect(config).toMatchObject({ SMTP_PORT: 465, SMTP_SECURE: true });
  });
});
