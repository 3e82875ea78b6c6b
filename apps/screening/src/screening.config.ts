import { ServiceConfig } from '@seleksi/messaging';

/** Screening has no settings beyond the common ones yet; its own go here, validated the same way. */
export class ScreeningConfig extends ServiceConfig {}
