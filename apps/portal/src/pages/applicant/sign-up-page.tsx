import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { DateParts, normalisedDate } from '../../components/date-parts';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/layout';
import { useSignUp } from '../../hooks/use-account';
import { useLocale, useT } from '../../i18n/locale';
import { checkKk, checkNik, nikWarnings } from '../../lib/identity-numbers';
import { useStoredForm } from '../../lib/form-state';
import { errorMessage } from '../../lib/messages';
import { useIntl } from 'react-intl';

const EMPTY = { fullName: '', nik: '', kkNumber: '', dateOfBirth: '', placeOfBirth: '', gender: '' as '' | 'F' | 'M', email: '', phone: '' };
type Fields = keyof typeof EMPTY | 'password';

/** Sign-up: NIK and KK checked here as the API checks them; NIK disagreements are warnings, never a block. */
export function SignUpPage() {
  const t = useT();
  const intl = useIntl();
  const [params] = useSearchParams();
  const { locale } = useLocale();
  const [form, update, clear] = useStoredForm('sign-up', EMPTY);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const signUp = useSignUp();

  const nik = checkNik(form.nik);
  const dateOfBirth = normalisedDate(form.dateOfBirth);
  const warnings = nik.ok ? nikWarnings(nik.facts, { dateOfBirth, gender: form.gender }) : [];

  function validate(): Partial<Record<Fields, string>> {
    const found: Partial<Record<Fields, string>> = {};
    if (!form.fullName.trim()) found.fullName = t('signUp.error.fullName');
    if (!nik.ok) found.nik = t(`identity.${nik.problem}`, { what: 'NIK' });
    const kk = checkKk(form.kkNumber);
    if (kk) found.kkNumber = t(`identity.${kk}`, { what: 'KK' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || Number.isNaN(Date.parse(dateOfBirth))) found.dateOfBirth = t('signUp.error.dateOfBirth');
    if (!form.placeOfBirth.trim()) found.placeOfBirth = t('signUp.error.placeOfBirth');
    if (!form.gender) found.gender = t('signUp.error.gender');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email)) found.email = t('signUp.error.email');
    if (!/^(\+62|62|0)8[\d\s-]{7,14}$/.test(form.phone.trim())) found.phone = t('signUp.error.phone');
    if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) found.password = t('signUp.error.password');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setProblems(Object.entries(found).map(([field, message]) => ({ fieldId: field === 'gender' ? 'gender-F' : field, message: message! })));
    if (Object.keys(found).length > 0) return;
    try {
      await signUp.mutateAsync({ ...form, dateOfBirth, gender: form.gender as 'F' | 'M', password, locale });
      clear();
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      const message = errorMessage(intl, error);
      if (field && field in EMPTY) setErrors({ [field]: message });
      setProblems([{ fieldId: field && (field in EMPTY || field === 'password') ? field : undefined, message }]);
    }
  }

  if (signUp.isSuccess) {
    return (
      <>
        <PageTitle>{t('signUp.done.title')}</PageTitle>
        <p role="status">{t('signUp.done.body', { email: signUp.data.email })}</p>
        <p>
          <Link to={`/sign-in${params.get('return') ? `?return=${encodeURIComponent(params.get('return')!)}` : ''}`}>{t('signUp.done.signIn')}</Link>
        </p>
        <p>
          <Link to="/resend-confirmation">{t('signUp.done.resend')}</Link>
        </p>
      </>
    );
  }

  const input = (id: keyof typeof EMPTY) => ({
    id,
    value: form[id],
    error: errors[id],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => update({ [id]: e.target.value }),
  });
  return (
    <>
      <PageTitle>{t('signUp.title')}</PageTitle>
      <ErrorSummary problems={problems} />
      <form onSubmit={submit} noValidate>
        <Field {...input('fullName')} label={t('signUp.fullName')} hint={t('signUp.fullName.hint')} autoComplete="name" required />
        <Field {...input('nik')} label={t('signUp.nik')} hint={t('signUp.nik.hint')} inputMode="numeric" maxLength={16} required />
        {warnings.length > 0 && (
          <div className="warning" role="status" id="nik-warnings">
            <p>{t('signUp.nikWarnings')}</p>
            <ul>
              {warnings.map((w) => (
                <li key={w}>{t(`warning.${w}`)}</li>
              ))}
            </ul>
          </div>
        )}
        <Field {...input('kkNumber')} label={t('signUp.kk')} hint={t('signUp.kk.hint')} inputMode="numeric" maxLength={16} required />
        <Field {...input('placeOfBirth')} label={t('signUp.placeOfBirth')} required />
        <DateParts
          id="dateOfBirth"
          legend={t('signUp.dateOfBirth')}
          value={form.dateOfBirth}
          error={errors.dateOfBirth}
          onChange={(dateOfBirth) => update({ dateOfBirth })}
        />
        <fieldset className={errors.gender ? 'field field-error' : 'field'} aria-describedby={errors.gender ? 'gender-error' : undefined}>
          <legend>{t('signUp.gender')}</legend>
          {errors.gender && (
            <p className="error" id="gender-error">
              {errors.gender}
            </p>
          )}
          {(['F', 'M'] as const).map((g) => (
            <label key={g} className="choice" htmlFor={`gender-${g}`}>
              <input type="radio" id={`gender-${g}`} name="gender" value={g} checked={form.gender === g} onChange={() => update({ gender: g })} />
              {t(`gender.${g}`)}
            </label>
          ))}
        </fieldset>
        <Field {...input('email')} label={t('signUp.email')} type="email" autoComplete="email" required />
        <Field {...input('phone')} label={t('signUp.phone')} hint={t('signUp.phone.hint')} type="tel" autoComplete="tel" required />
        <Field
          id="password"
          label={t('signUp.password')}
          hint={t('signUp.password.hint')}
          type="password"
          autoComplete="new-password"
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" disabled={signUp.isPending}>
          {signUp.isPending ? t('common.sending') : t('signUp.submit')}
        </button>
      </form>
    </>
  );
}
