import { ServiceConfig } from '@seleksi/messaging';

/** Placement needs only the common settings (the clock, CLOCK_FIXED_AT or CLOCK_FILE, among them). */
export class PlacementConfig extends ServiceConfig {}
