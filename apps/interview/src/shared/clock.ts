/** The service clock comes from the runtime (CLOCK_FIXED_AT, CLOCK_FILE or the system clock). */
export { Clock } from '@seleksi/messaging';
