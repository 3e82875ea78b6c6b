/**
 * Indonesian phone numbers as people type them (0812-3456-7890, 62812..., +62 812 ...) in the one
 * form the system keeps: +62 followed by the number without its trunk 0.
 */
export function normalisePhone(input: string): string | undefined {
  const compact = input.replace(/[\s\-().]/g, '');
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return undefined;
  // Mobile numbers start with 8; landlines with an area code (21 Jakarta, 22 Bandung, ...), never 0.
  if (!/^[1-9]\d{7,12}$/.test(national)) return undefined;
  return `+62${national}`;
}
