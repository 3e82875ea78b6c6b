import { IsString, MinLength } from 'class-validator';
import { ServiceConfig } from '@seleksi/messaging';

export class InterviewConfig extends ServiceConfig {
  /**
   * The HMAC key shared with registration and screening: panelists' KK numbers are digested with it on
   * arrival (never stored), so they compare with the candidates' kkDigest for conflicts of interest.
   */
  @IsString() @MinLength(16) KK_DIGEST_KEY!: string;
}
