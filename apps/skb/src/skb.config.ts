import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ServiceConfig } from '@seleksi/messaging';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class SkbConfig extends ServiceConfig {
  /** Most data rows one score file may carry; a longer file is refused with 413 before anything is written. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(5_000_000) SKB_IMPORT_MAX_ROWS = 1_000_000;
}
