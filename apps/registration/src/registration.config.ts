import { ServiceConfig } from '@seleksi/messaging';

/** Registration has no settings beyond the common ones yet; its own go here, validated the same way. */
export class RegistrationConfig extends ServiceConfig {}
