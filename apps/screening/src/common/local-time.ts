// Times shown to people come from formatLocalTime in @seleksi/time.

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 86_400_000);
}
