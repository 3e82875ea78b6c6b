import { ServiceConfig } from '@seleksi/messaging';

/** Interview has no settings beyond the common ones yet; its own go here, validated the same way. */
export class InterviewConfig extends ServiceConfig {}
