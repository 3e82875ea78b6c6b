import { ServiceConfig } from '@seleksi/messaging';

/** Placement has no settings beyond the common ones yet; its own go here, validated the same way. */
export class PlacementConfig extends ServiceConfig {}
