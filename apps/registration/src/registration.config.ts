import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@seleksi/messaging';

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
  /** Shared with screening and interview: KK numbers travel between services only as this HMAC. */
  @IsString() @MinLength(16) KK_DIGEST_KEY!: string;

  /** scrypt N (a power of two); 16384 is about 50 ms per hash on one core. */
  @IsOptional() @Transform(toInt) @IsInt() @IsIn([1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072]) PASSWORD_SCRYPT_COST = 16384;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_FAILURES_PER_ADDRESS = 50;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) LOGIN_FAILURE_WINDOW_SECONDS = 900;
  @IsOptional() @Transform(toInt) @IsInt() @Min(300) EMAIL_TOKEN_TTL_SECONDS = 86_400;
  /** `outbox`: mail waits in registration.mail_outbox for a relay; `log`: written to the log (local runs). */
  @IsOptional() @IsIn(['outbox', 'log']) MAIL_TRANSPORT: 'outbox' | 'log' = 'outbox';
}
