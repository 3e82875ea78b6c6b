import { IsString, MinLength } from 'class-validator';
import { ConfigError, DatabaseConfig, loadConfig, ServiceConfig } from '@seleksi/messaging';

type Env = Record<string, string | undefined>;

/** Only the settings without defaults, as a deployment must give them. */
function newEnv(overrides: Env = {}): Env {
  return {
    PORT: '3001',
    DB_HOST: 'localhost',
    DB_PORT: '5432',
    DB_NAME: 'seleksi',
    DB_USER: 'screening',
    KAFKA_BROKERS: 'localhost:9092',
    JWT_PUBLIC_KEY_FILE: '/etc/seleksi/jwt-public.pem',
    ...overrides,
  };
}

function problemsOf(env: Env): string[] {
  try {
    loadConfig(ServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe(loadConfig.name, () => {
  it('turns the required settings into typed values and fills in the defaults', () => {
    const config = loadConfig(ServiceConfig, newEnv());
    expect(config).toBeInstanceOf(ServiceConfig);
    expect(config).toMatchObject({
      PORT: 3001,
      DB_HOST: 'localhost',
      DB_PORT: 5432,
      DB_NAME: 'seleksi',
      DB_USER: 'screening',
      KAFKA_BROKERS: 'localhost:9092',
      JWT_PUBLIC_KEY_FILE: '/etc/seleksi/jwt-public.pem',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'log',
      DB_POOL_SIZE: 10,
      MIGRATE_ON_START: false,
      KAFKA_PARTITIONS: 6,
      KAFKA_TOPIC_PREFIX: '',
      CONSUMER_MAX_ATTEMPTS: 5,
      CONSUMER_RETRY_INITIAL_MS: 200,
      CONSUMER_RETRY_MAX_MS: 5_000,
      CONSUMER_BATCH_SIZE: 500,
      CONSUMER_CONCURRENT_PARTITIONS: 3,
      CONSUMER_SESSION_TIMEOUT_MS: 10_000,
      OUTBOX_POLL_MS: 100,
      OUTBOX_BATCH_SIZE: 500,
      JWT_ISSUER: 'seleksi-registration',
      JWT_AUDIENCE: 'seleksi',
    });
    expect(config.DB_PASSWORD).toBeUndefined();
  });

  it.each<[string, Env, Partial<ServiceConfig>]>([
    ['a numeric override', { KAFKA_PARTITIONS: '12', OUTBOX_BATCH_SIZE: '50' }, { KAFKA_PARTITIONS: 12, OUTBOX_BATCH_SIZE: 50 }],
    ['a boolean override', { MIGRATE_ON_START: 'true' }, { MIGRATE_ON_START: true }],
    [
      'several brokers and a topic prefix',
      { KAFKA_BROKERS: 'k1:9092,k2:9093', KAFKA_TOPIC_PREFIX: 'staging.' },
      { KAFKA_BROKERS: 'k1:9092,k2:9093', KAFKA_TOPIC_PREFIX: 'staging.' },
    ],
    ['a password and log level', { DB_PASSWORD: 's3cret', LOG_LEVEL: 'debug' }, { DB_PASSWORD: 's3cret', LOG_LEVEL: 'debug' }],
    ['an empty optional setting, which keeps its default', { KAFKA_PARTITIONS: '', HOST: '' }, { KAFKA_PARTITIONS: 6, HOST: '127.0.0.1' }],
  ])('takes %s', (_case, overrides, expected) => {
    expect(loadConfig(ServiceConfig, newEnv(overrides))).toMatchObject(expected);
  });

  it('keeps only the declared settings, never other environment variables', () => {
    const config = loadConfig(ServiceConfig, newEnv({ PATH: '/usr/bin:/bin', PAYMENT_API_SECRET: 'do-not-leak' }));
    expect(config).not.toHaveProperty('PATH');
    expect(config).not.toHaveProperty('PAYMENT_API_SECRET');
    expect(JSON.stringify(config)).not.toContain('do-not-leak');
  });

  it('keeps only the database settings for the migrate command, not the service ones', () => {
    const config = loadConfig(DatabaseConfig, { DB_HOST: 'db', DB_PORT: '5433', DB_NAME: 'seleksi', DB_USER: 'skb', KAFKA_BROKERS: 'k1:9092' });
    expect(config).not.toHaveProperty('KAFKA_BROKERS');
  });

  it.each(['PORT', 'DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_USER', 'KAFKA_BROKERS', 'JWT_PUBLIC_KEY_FILE'])(
    'refuses to start without %s and says it is not set',
    (name) => {
      const problems = problemsOf(newEnv({ [name]: undefined }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name}: .*\\(it is not set\\)$`));
    },
  );

  it('treats an empty required setting as not set', () => {
    expect(problemsOf(newEnv({ DB_HOST: '' }))).toEqual([expect.stringMatching(/^DB_HOST: .*\(it is not set\)$/)]);
  });

  it('lists every missing setting at once', () => {
    const problems = problemsOf({});
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
      ['DB_HOST', 'DB_NAME', 'DB_PORT', 'DB_USER', 'JWT_PUBLIC_KEY_FILE', 'KAFKA_BROKERS', 'PORT'].sort(),
    );
  });

  it.each<[string, string, RegExp]>([
    ['PORT', 'abc', /must be an integer number/],
    ['PORT', '70000', /must not be greater than 65535/],
    ['PORT', '80.5', /must be an integer number/],
    ['DB_PORT', '0', /must not be less than 1/],
    ['KAFKA_BROKERS', 'localhost', /must be a comma-separated list of host:port/],
    ['KAFKA_BROKERS', 'k1:9092, k2:9092', /must be a comma-separated list of host:port/],
    ['KAFKA_PARTITIONS', '0', /must not be less than 1/],
    ['KAFKA_TOPIC_PREFIX', 'Staging', /must be empty or like "staging."/],
    ['MIGRATE_ON_START', 'maybe', /must be a boolean value/],
    ['LOG_LEVEL', 'loud', /must be one of the following values/],
    ['CONSUMER_MAX_ATTEMPTS', '21', /must not be greater than 20/],
    ['CONSUMER_BATCH_SIZE', '0', /must not be less than 1/],
    ['CONSUMER_BATCH_SIZE', '5001', /must not be greater than 5000/],
    ['CONSUMER_RETRY_MAX_MS', '50', /must not be less than 100/],
  ])('refuses %s=%s, naming the variable and the value', (name, value, rule) => {
    const problems = problemsOf(newEnv({ [name]: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${name}: `)).toBe(true);
    expect(problems[0]).toMatch(rule);
    expect(problems[0].endsWith(`(got "${value}")`)).toBe(true);
  });

  it('names an invalid secret setting without repeating its value', () => {
    class KeyedConfig extends DatabaseConfig {
      @IsString() @MinLength(16) KK_DIGEST_KEY!: string;
      @IsString() @MinLength(8) SMTP_PASSWORD!: string;
    }
    const env = { DB_HOST: 'db', DB_PORT: '5432', DB_NAME: 'seleksi', DB_USER: 'x', KK_DIGEST_KEY: 'hunter2', SMTP_PASSWORD: 'pw12' };
    let message = '';
    try {
      loadConfig(KeyedConfig, env);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/KK_DIGEST_KEY: .*the value is a secret, not shown/);
    expect(message).toMatch(/SMTP_PASSWORD: .*the value is a secret, not shown/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('pw12');
  });

  it('puts every problem on its own line of the message', () => {
    expect(() => loadConfig(ServiceConfig, newEnv({ PORT: 'abc', KAFKA_PARTITIONS: '0' }))).toThrow(
      /^invalid configuration:\n {2}(PORT|KAFKA_PARTITIONS): .*\n {2}(PORT|KAFKA_PARTITIONS): /,
    );
  });

  it('asks the migrate command only for the database', () => {
    const config = loadConfig(DatabaseConfig, { DB_HOST: 'db', DB_PORT: '5433', DB_NAME: 'seleksi', DB_USER: 'skb' });
    expect(config).toMatchObject({ DB_HOST: 'db', DB_PORT: 5433, DB_POOL_SIZE: 10, MIGRATE_ON_START: false });
  });

  it('refuses a moved clock in production, naming the setting', () => {
    expect(problemsOf(newEnv({ NODE_ENV: 'production', CLOCK_FILE: '/tmp/clock' }))).toEqual([expect.stringMatching(/^CLOCK_FILE: .*NODE_ENV=production/)]);
    expect(problemsOf(newEnv({ NODE_ENV: 'production', CLOCK_FIXED_AT: '2027-01-01T00:00:00Z' }))).toEqual([expect.stringMatching(/^CLOCK_FIXED_AT: /)]);
    expect(loadConfig(ServiceConfig, newEnv({ CLOCK_FILE: '/tmp/clock' })).CLOCK_FILE).toBe('/tmp/clock');
  });

  it('refuses a pinned clock that is not an instant', () => {
    expect(problemsOf(newEnv({ CLOCK_FIXED_AT: 'tomorrow' }))).toEqual([expect.stringMatching(/^CLOCK_FIXED_AT: .*got "tomorrow"/)]);
  });
});
