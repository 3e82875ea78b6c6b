import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { ServiceConfig } from '@seleksi/messaging';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class ScreeningConfig extends ServiceConfig {
  /** HMAC key shared with registration and interview: verifiers' KK numbers are compared as digests only. */
  @IsString() @MinLength(16) KK_DIGEST_KEY!: string;
  /** Shared with registration only: signs a verifier's grant to open the documents of a case they hold. */
  @IsString() @MinLength(32) DOCUMENT_GRANT_KEY!: string;
  /** How long a document grant in the case view stays usable. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(3600) DOCUMENT_GRANT_TTL_SECONDS = 600;
}
