import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { ServiceConfig } from '@seleksi/messaging';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const URL_RULES = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const ORIGIN_LIST = /^https?:\/\/[^/,\s]+(,\s*https?:\/\/[^/,\s]+)*$/;

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** Registration signs tokens and holds personal data, so it has secrets the other services do not. */
export class RegistrationConfig extends ServiceConfig {
  /** PEM private key that signs access tokens; its public half is every service's JWT_PUBLIC_KEY_FILE. */
  @IsString() @MinLength(1) JWT_PRIVATE_KEY_FILE!: string;
  @IsOptional() @IsIn(['RS256', 'ES256']) JWT_ALGORITHM: 'RS256' | 'ES256' = 'RS256';
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(3600) ACCESS_TOKEN_TTL_SECONDS = 900;
  @IsOptional() @Transform(toInt) @IsInt() @Min(300) @Max(90 * 86_400) REFRESH_TOKEN_TTL_SECONDS = 14 * 86_400;

  /** 32 random bytes, base64 (e.g. `openssl rand -base64 32`): encrypts NIK and KK at rest. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes, base64-encoded (openssl rand -base64 32)' })
  PII_ENCRYPTION_KEY!: string;
  /** The id written beside every value PII_ENCRYPTION_KEY seals; give each new key a new id when rotating. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be 1-32 letters, digits, _ or -' }) PII_ENCRYPTION_KEY_ID = 'k1';
  /**
   * Older keys that still open what they sealed, `<id>:<base64>` comma-separated, newest first (the
   * last one keys the NIK digests and stays listed while any digest made with it exists). After a
   * rotation, `cli pii rekey` re-seals everything under the current key.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'must be <id>:<32 bytes base64>, comma-separated',
  })
  PII_PREVIOUS_KEYS?: string;
  /** Shared with screening and interview: KK numbers travel between services only as this HMAC. */
  @IsString() @MinLength(16) KK_DIGEST_KEY!: string;
  /** Shared with screening only: checks screening's grants to open one applicant document (libs/auth document-grant.ts). */
  @IsString() @MinLength(32) DOCUMENT_GRANT_KEY!: string;

  /** scrypt N (a power of two); 16384 is about 50 ms per hash on one core. */
  @IsOptional() @Transform(toInt) @IsInt() @IsIn([1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072]) PASSWORD_SCRYPT_COST = 16384;
  /** Failed logins to one account from one address within the window. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_FAILURES_PER_ADDRESS = 50;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) LOGIN_FAILURE_WINDOW_SECONDS = 900;
  /** Sign-ups from one address within SIGNUP_WINDOW_SECONDS (a campus behind one NAT signs up many). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) SIGNUP_MAX_PER_ADDRESS = 30;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) SIGNUP_WINDOW_SECONDS = 600;
  @IsOptional() @Transform(toInt) @IsInt() @Min(300) EMAIL_TOKEN_TTL_SECONDS = 86_400;

  /** The portal's public address (the edge), e.g. http://127.0.0.1:8080: links in e-mails point there. */
  @IsUrl(URL_RULES, { message: "must be the portal's public address, such as http://127.0.0.1:8080" }) PORTAL_URL!: string;
  /** Origins whose requests may use the refresh cookie (comma-separated); by default PORTAL_URL's origin. */
  @IsOptional() @Matches(ORIGIN_LIST, { message: 'must be a comma-separated list of origins such as https://seleksi.example.go.id' }) ALLOWED_ORIGINS?: string;
  /** The refresh cookie is sent only to this path: the auth routes as the browser sees them through the edge. */
  @IsOptional() @Matches(/^\/[\w\-/]*$/, { message: 'must be a path such as /api/registration/auth' }) REFRESH_COOKIE_PATH = '/api/registration/auth';
  /** Marks the refresh cookie Secure even when the edge does not say the request came over https. */
  @IsOptional() @Transform(toBool) @IsBoolean() COOKIE_SECURE = false;

  /** Requests for a confirmation e-mail or a password reset, per e-mail address and per client address. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RESEND_CONFIRMATION_PER_HOUR = 3;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) PASSWORD_RESET_PER_HOUR = 3;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) RECOVERY_REQUESTS_PER_ADDRESS_PER_HOUR = 30;
  @IsOptional() @Transform(toInt) @IsInt() @Min(300) @Max(86_400) PASSWORD_RESET_TTL_SECONDS = 3600;

  /**
   * `outbox`: mail waits in registration.mail_outbox for an operator's relay; `log`: written to the log
   * (local runs); `smtp`: sent through the SMTP_* server, retried with backoff.
   */
  @IsOptional() @IsIn(['outbox', 'log', 'smtp']) MAIL_TRANSPORT: 'outbox' | 'log' | 'smtp' = 'outbox';
  @ValidateIf((c: RegistrationConfig) => c.MAIL_TRANSPORT === 'smtp') @IsString() @IsNotEmpty() SMTP_HOST?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535) SMTP_PORT = 587;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  @IsOptional() @Transform(toBool) @IsBoolean() SMTP_SECURE = false;
  @IsOptional() @IsString() SMTP_USER?: string;
  @ValidateIf((c: RegistrationConfig) => c.SMTP_USER !== undefined) @IsString() @IsNotEmpty() SMTP_PASSWORD?: string;
  /** The sender, e.g. `Seleksi <noreply@bkpsdm.example.go.id>`. */
  @ValidateIf((c: RegistrationConfig) => c.MAIL_TRANSPORT === 'smtp') @IsString() @IsNotEmpty() SMTP_FROM?: string;
  /** First retry after a temporary SMTP failure; each further one waits twice as long, up to MAIL_RETRY_MAX_SECONDS. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) MAIL_RETRY_INITIAL_SECONDS = 30;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) MAIL_RETRY_MAX_SECONDS = 3600;
  @IsOptional() @Transform(toInt) @IsInt() @Min(50) MAIL_POLL_MS = 1000;

  /** PORTAL_URL without a trailing slash, to append paths to. */
  portalBase(): string {
    return this.PORTAL_URL.replace(/\/+$/, '');
  }

  allowedOrigins(): string[] {
    return this.ALLOWED_ORIGINS ? this.ALLOWED_ORIGINS.split(',').map((o) => o.trim()) : [new URL(this.PORTAL_URL).origin];
  }
}
