import { type FormEvent, forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ScreeningSchemas } from '../../api/clients';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { useReasons } from '../../hooks/use-verifier-cases';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';

type Decision = ScreeningSchemas['schemas']['DecisionDto'];

export interface DecisionFormHandle {
  choose(result: 'MS' | 'TMS'): void;
}

/** MS, or TMS with at least one reason from the catalogue and an optional note; the service checks the same. */
export const DecisionForm = forwardRef<
  DecisionFormHandle,
  { idPrefix: string; submitLabel: string; disabled?: boolean; onDecide: (decision: Decision) => Promise<unknown> }
>(function DecisionForm({ idPrefix, submitLabel, disabled, onDecide }, handle) {
  const t = useT();
  const intl = useIntl();
  const reasons = useReasons();
  const [result, setResult] = useState<'MS' | 'TMS' | undefined>();
  const [codes, setCodes] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [pending, setPending] = useState(false);
  const submit = useRef<HTMLButtonElement>(null);
  const firstReason = useRef<HTMLInputElement>(null);

  useImperativeHandle(handle, () => ({
    choose(next) {
      setResult(next);
      // MS needs nothing more: the submit button is next. TMS needs a reason: the first one is next.
      setTimeout(() => (next === 'MS' ? submit.current : firstReason.current)?.focus());
    },
  }));

  async function send(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!result) found.push({ fieldId: `${idPrefix}-ms`, message: t('verifier.decision.error.result') });
    if (result === 'TMS' && codes.length === 0) found.push({ fieldId: `${idPrefix}-reason-0`, message: t('verifier.decision.error.reason') });
    setProblems(found);
    if (found.length) return;
    setPending(true);
    try {
      await onDecide({ result: result!, ...(result === 'TMS' ? { reasonCodes: codes } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      setResult(undefined);
      setCodes([]);
      setNote('');
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={send} noValidate aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t('verifier.decision.title')}</h2>
      <ErrorSummary problems={problems} />
      <fieldset>
        <legend>{t('verifier.decision.result')}</legend>
        <label>
          <input type="radio" id={`${idPrefix}-ms`} name={`${idPrefix}-result`} checked={result === 'MS'} onChange={() => setResult('MS')} />{' '}
          {t('verifier.decision.MS')}
        </label>
        <label>
          <input type="radio" id={`${idPrefix}-tms`} name={`${idPrefix}-result`} checked={result === 'TMS'} onChange={() => setResult('TMS')} />{' '}
          {t('verifier.decision.TMS')}
        </label>
      </fieldset>
      {result === 'TMS' && (
        <fieldset>
          <legend>{t('verifier.decision.reasons')}</legend>
          {(reasons.data ?? []).map((reason, i) => (
            <label key={reason.code} className="check">
              <input
                type="checkbox"
                id={`${idPrefix}-reason-${i}`}
                ref={i === 0 ? firstReason : undefined}
                checked={codes.includes(reason.code)}
                onChange={(e) => setCodes(e.target.checked ? [...codes, reason.code] : codes.filter((c) => c !== reason.code))}
              />{' '}
              {t.or(`verifier.reason.${reason.code}`, reason.label)}
            </label>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${idPrefix}-note`}>{t('verifier.decision.note')}</label>
      <textarea id={`${idPrefix}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
      <button type="submit" ref={submit} disabled={pending || disabled}>
        {pending ? t('common.sending') : submitLabel}
      </button>
    </form>
  );
});
