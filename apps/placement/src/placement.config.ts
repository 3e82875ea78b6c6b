import { IsISO8601, IsOptional } from 'class-validator';
import { ServiceConfig } from '@seleksi/messaging';

export class PlacementConfig extends ServiceConfig {
  /** Pins the service clock to an instant (ISO 8601); for tests of the decline deadline. Unset in production. */
  @IsOptional() @IsISO8601() CLOCK_FIXED_AT?: string;
}
