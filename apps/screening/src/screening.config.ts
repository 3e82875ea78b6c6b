import { IsString, MinLength } from 'class-validator';
import { ServiceConfig } from '@seleksi/messaging';

export class ScreeningConfig extends ServiceConfig {
  /** HMAC key shared with registration and interview: verifiers' KK numbers are compared as digests only. */
  @IsString() @MinLength(16) KK_DIGEST_KEY!: string;
}
