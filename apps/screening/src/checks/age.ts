/** A calendar date (YYYY-MM-DD) as a UTC midnight timestamp, refusing impossible dates. */
export function parseDate(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a date: ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) throw new Error(`not a date: ${iso}`);
  return t;
}

/**
 * The day someone born on `birth` completes `years` years. Date.UTC rolls 29 February over to
 * 1 March in a common year, so a leap-day child comes of age on 1 March there — the reading that
 * never makes anyone older than the calendar says.
 */
export function anniversary(birth: string, years: number): number {
  const b = new Date(parseDate(birth));
  return Date.UTC(b.getUTCFullYear() + years, b.getUTCMonth(), b.getUTCDate());
}

/** Completed years and the days since the last anniversary, on `on`. */
export function ageOn(birth: string, on: string): { years: number; days: number } {
  const ref = parseDate(on);
  let years = new Date(ref).getUTCFullYear() - new Date(parseDate(birth)).getUTCFullYear();
  while (years > 0 && anniversary(birth, years) > ref) years -= 1;
  const days = Math.round((ref - anniversary(birth, years)) / 86_400_000);
  return { years, days };
}

/**
 * Age limits read "at least `min` and at most `max` years old on the reference date", to the day:
 * someone who turns `max` on the reference date is exactly `max` and passes; one day older fails.
 */
export function meetsMinimumAge(birth: string, on: string, minimumAge: number): boolean {
  return anniversary(birth, minimumAge) <= parseDate(on);
}

export function meetsMaximumAge(birth: string, on: string, maximumAge: number): boolean {
  return anniversary(birth, maximumAge) >= parseDate(on);
}
