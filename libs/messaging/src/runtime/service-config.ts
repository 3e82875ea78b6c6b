import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** What the migrate command needs: only the database. */
export class DatabaseConfig {
  @IsString() @IsNotEmpty() DB_HOST!: string;
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) DB_PORT!: number;
  @IsString() @IsNotEmpty() DB_NAME!: string;
  @IsString() @IsNotEmpty() DB_USER!: string;
  @IsOptional() @IsString() DB_PASSWORD?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;
  @IsOptional() @Transform(toBool) @IsBoolean() MIGRATE_ON_START = false;
}

/**
 * Settings every service needs, named as the environment variables they come from. Connectivity
 * settings have no defaults: a service started without them must say so, not guess.
 */
export class ServiceConfig extends DatabaseConfig {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT!: number;
  @IsOptional() @IsString() HOST = '127.0.0.1';
  @IsOptional() @IsIn(['error', 'warn', 'log', 'debug', 'verbose']) LOG_LEVEL = 'log';
  /** Largest request body accepted (uploads, score files); larger ones get 413 before any handler runs. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(512 * 1024 * 1024) HTTP_BODY_LIMIT_BYTES = 12 * 1024 * 1024;
  /**
   * Addresses or CIDRs of the proxies in front (the edge), comma-separated: from them the client's
   * address is read from X-Forwarded-For, so per-address limits count clients, not the edge.
   */
  @IsOptional()
  @Matches(/^[0-9A-Fa-f.:/]+(,\s*[0-9A-Fa-f.:/]+)*$/, { message: 'must be a comma-separated list of addresses or CIDRs, such as 127.0.0.1,10.0.0.0/8' })
  TRUSTED_PROXIES?: string;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) KAFKA_PARTITIONS = 6;
  @IsOptional() @Matches(/^([a-z0-9-]+\.)?$/, { message: 'must be empty or like "staging."' }) KAFKA_TOPIC_PREFIX = '';
  /** Topics the service creates when missing; unset: the broker's defaults. Production declares its topics (deploy/k8s). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10) KAFKA_REPLICATION_FACTOR?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10) KAFKA_MIN_INSYNC_REPLICAS?: number;
  /** How long dead letters (copies of events, personal data included) are kept in the `.dlq` topics; unset: the broker's default. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60_000) KAFKA_DLQ_RETENTION_MS?: number;
  /** SASL on the broker connection (the service's own Kafka user, whose ACLs let it write only its topic); unset: no authentication. */
  @IsOptional() @IsIn(['scram-sha-512', 'scram-sha-256']) KAFKA_SASL_MECHANISM?: 'scram-sha-512' | 'scram-sha-256';
  @ValidateIf((c: ServiceConfig) => c.KAFKA_SASL_MECHANISM !== undefined) @IsString() @IsNotEmpty() KAFKA_SASL_USERNAME?: string;
  @ValidateIf((c: ServiceConfig) => c.KAFKA_SASL_MECHANISM !== undefined) @IsString() @IsNotEmpty() KAFKA_SASL_PASSWORD?: string;
  /** TLS to the brokers, trusting this CA certificate (PEM); unset: plaintext. */
  @IsOptional() @IsString() @IsNotEmpty() KAFKA_SSL_CA_FILE?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(20) CONSUMER_MAX_ATTEMPTS = 5;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) CONSUMER_RETRY_INITIAL_MS = 200;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60_000) CONSUMER_RETRY_MAX_MS = 5_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(5_000) CONSUMER_BATCH_SIZE = 500;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(50) CONSUMER_CONCURRENT_PARTITIONS = 3;
  @IsOptional() @Transform(toInt) @IsInt() @Min(3000) CONSUMER_SESSION_TIMEOUT_MS = 10_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) OUTBOX_POLL_MS = 100;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10_000) OUTBOX_BATCH_SIZE = 500;
  /** Published outbox rows (event payloads, personal data included) are deleted after this many hours. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) OUTBOX_RETENTION_HOURS = 168;
  /** Inbox rows (event ids only) are deleted after this many days: keep it above the topics' retention, so a replay still finds what was applied. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) INBOX_RETENTION_DAYS = 200;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) PRUNE_INTERVAL_MS = 3_600_000;

  @IsString() @IsNotEmpty() JWT_PUBLIC_KEY_FILE!: string;
  @IsOptional() @IsString() JWT_ISSUER = 'seleksi-registration';
  @IsOptional() @IsString() JWT_AUDIENCE = 'seleksi';

  /** Pins the service clock at an instant (tests of deadlines); refused when NODE_ENV=production. */
  @IsOptional() @IsISO8601({ strict: true }) CLOCK_FIXED_AT?: string;
  /**
   * A file holding a clock offset in milliseconds, shared by the processes of a rehearsal (the demo's
   * `advance`, the end-to-end scenario); refused when NODE_ENV=production.
   */
  @IsOptional() @IsString() CLOCK_FILE?: string;
}

const REHEARSAL_ONLY = ['CLOCK_FIXED_AT', 'CLOCK_FILE'] as const;

/** Keys, passwords, tokens: a configuration error names them but never repeats their value (it would end up in logs). */
const SECRET_SETTING = /(PASSWORD|SECRET|TOKEN|_KEY)$/;

export function isSecretSetting(name: string): boolean {
  return SECRET_SETTING.test(name);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** The settings a config class declares (its own and inherited), by their validation rules. */
function declaredSettings(type: new () => DatabaseConfig): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(type, '', true, false)
      .map((m) => m.propertyName),
  );
}

/**
 * Reads and validates the environment once; each problem names the variable and what is wrong.
 * Only declared settings are read, so unrelated variables (PATH, other secrets) never reach the
 * typed object and whatever logs or injects it.
 */
export function loadConfig<T extends DatabaseConfig>(type: new () => T, env: Record<string, string | undefined> = process.env): T {
  const declared = declaredSettings(type);
  const defined = Object.fromEntries(Object.entries(env).filter(([k, v]) => declared.has(k) && v !== undefined && v !== ''));
  const config = plainToInstance(type, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const raw = env[e.property];
        const got = raw === undefined || raw === '' ? 'it is not set' : isSecretSetting(e.property) ? 'the value is a secret, not shown' : `got "${raw}"`;
        return `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')} (${got})`;
      }),
    );
  }
  if (env.NODE_ENV === 'production') {
    const problems = REHEARSAL_ONLY.filter((name) => declared.has(name) && (config as Record<string, unknown>)[name] !== undefined).map(
      (name) => `${name}: a moved clock is for tests and rehearsals, not allowed when NODE_ENV=production (got "${env[name]}")`,
    );
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return config;
}
