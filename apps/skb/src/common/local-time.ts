import { wallClock } from '@seleksi/contracts';

/** The instant as people in the agency read it on the card, e.g. `01-12-2026 08:00 WITA`. */
export function formatLocal(instant: Date, zone: string): { date: string; time: string; label: string } {
  const clock = wallClock(instant, zone);
  const date = `${clock.date.slice(8, 10)}-${clock.date.slice(5, 7)}-${clock.date.slice(0, 4)}`;
  const time = `${clock.time.slice(0, 5)} ${zone}`;
  return { date, time, label: `${date} ${time}` };
}
