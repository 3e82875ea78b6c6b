/**
 * The time the service believes it is: appeal windows and answer deadlines are decided against it.
 * It comes from the runtime (CLOCK_FIXED_AT, CLOCK_FILE or the system clock); tests may pass their own.
 */
export { Clock, SystemClock } from '@seleksi/messaging';
