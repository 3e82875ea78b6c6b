import type { ReactNode, SelectHTMLAttributes } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/errors';
import type { Problem } from '../../components/error-summary';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';
import { isLocalTimeZone, wallClockParts } from '@seleksi/time';

/** The id of the input for an API field path (`skb.proceedFactor` → `f-skb-proceedFactor`). */
export const fieldId = (field: string) => `f-${field.replace(/[.[\]]+/g, '-').replace(/-$/, '')}`;

/** A refusal as the error summary lists it: the catalogue's sentence, per field when the service names them. */
export function useApiProblems() {
  const intl = useIntl();
  return (error: unknown): Problem[] => {
    if (error instanceof ApiError && error.fieldProblems.length > 0) {
      return error.fieldProblems.map((p) => ({
        fieldId: fieldId(p.field),
        message: `${errorMessage(intl, new ApiError(error.status, p.code, '', p.field))} (${p.field})`,
      }));
    }
    return [{ message: errorMessage(intl, error) }];
  };
}

/** The catalogue's sentence for what a service answered, for a status line. */
export function useErrorText() {
  const intl = useIntl();
  return (error: unknown) => errorMessage(intl, error);
}

/** "Bawaan: …" under a field whose value a period falls back to. */
export function DefaultHint({ value }: { value: ReactNode }) {
  const t = useT();
  return (
    <>
      {t('admin.form.default')} {value}
    </>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
}

/** A labelled select with its hint tied to it. */
export function SelectField({ id, label, hint, options, ...select }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <select id={id} name={id} aria-describedby={hint ? `${id}-hint` : undefined} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The agency zone's offset from UTC, read from the one local-time library. */
function offset(zone: string): string {
  const hours = wallClockParts(new Date(0), isLocalTimeZone(zone) ? zone : 'WIB').hour;
  return `+${String(hours).padStart(2, '0')}:00`;
}

/** An instant as the agency's wall clock for a datetime-local input. */
export function toWallClock(instant: string, zone: string): string {
  const p = wallClockParts(instant, isLocalTimeZone(zone) ? zone : 'WIB');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** A datetime-local value read in the agency's zone, as an ISO instant with its offset. */
export function fromWallClock(value: string, zone: string): string {
  return `${value.length === 16 ? `${value}:00` : value}${offset(zone)}`;
}
