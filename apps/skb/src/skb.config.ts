import { ServiceConfig } from '@seleksi/messaging';

/** Skb has no settings beyond the common ones yet; its own go here, validated the same way. */
export class SkbConfig extends ServiceConfig {}
