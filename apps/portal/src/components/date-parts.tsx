import { useT } from '../i18n/locale';

/**
 * A date as three number fields (day, month, year), as GOV.UK asks for a date of birth: typed
 * the same way on every phone and keyboard, whatever the browser's date-picker format.
 * The value is `YYYY-MM-DD` once complete, else what was typed so far (`YYYY-MM-DD` with gaps).
 */
export function DateParts({
  id,
  legend,
  value,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const [year = '', month = '', day = ''] = value.split('-');
  const set = (part: 'day' | 'month' | 'year', typed: string) => {
    const next = { year, month, day, [part]: typed.replace(/\D/g, '') };
    onChange(`${next.year}-${next.month}-${next.day}`);
  };
  return (
    <fieldset className={error ? 'field field-error' : 'field'} aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t('date.hint')}
      </p>
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="date-parts">
        <div>
          <label htmlFor={id}>{t('date.day')}</label>
          <input
            id={id}
            inputMode="numeric"
            maxLength={2}
            size={2}
            value={day}
            onChange={(e) => set('day', e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div>
          <label htmlFor={`${id}-month`}>{t('date.month')}</label>
          <input
            id={`${id}-month`}
            inputMode="numeric"
            maxLength={2}
            size={2}
            value={month}
            onChange={(e) => set('month', e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div>
          <label htmlFor={`${id}-year`}>{t('date.year')}</label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            maxLength={4}
            size={4}
            value={year}
            onChange={(e) => set('year', e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
      </div>
    </fieldset>
  );
}

/** `2021-8-5` → `2021-08-05`; anything not a whole date stays as it is (and fails the check). */
export function normalisedDate(value: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : value;
}
