import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toApiError } from '../../api/errors';
import { signIn } from '../../api/session';
import { ErrorSummary, type Problem } from '../../components/error-summary';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/layout';
import { useConfirmEmail, useRequestPasswordReset, useResendConfirmation, useResetPassword } from '../../hooks/use-account';
import { useT } from '../../i18n/locale';
import { errorMessage } from '../../lib/messages';
import { homeFor } from '../../lib/staff-roles';

/** Only a path on this site is a place to return to after sign-in (no open redirect). */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/applications';
}

export function SignInPage() {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!email.trim()) found.push({ fieldId: 'email', message: t('signUp.error.email') });
    if (!password) found.push({ fieldId: 'password', message: t('signIn.error.password') });
    setProblems(found);
    if (found.length) return;
    setPending(true);
    try {
      const result = await signIn(email.trim(), password);
      if (!result.data) {
        setProblems([{ message: errorMessage(intl, toApiError(result.response, result.error)) }]);
        return;
      }
      navigate(params.get('return') ? safeReturn(params.get('return')) : homeFor(result.data.roles));
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <PageTitle>{t('signIn.title')}</PageTitle>
      {params.get('return') && <p role="status">{t('signIn.returnNotice')}</p>}
      <ErrorSummary problems={problems} />
      <form onSubmit={submit} noValidate>
        <Field id="email" label={t('signUp.email')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <Field
          id="password"
          label={t('signUp.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" disabled={pending}>
          {t('signIn.submit')}
        </button>
      </form>
      <ul className="links">
        <li>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </li>
        <li>
          <Link to="/resend-confirmation">{t('signUp.done.resend')}</Link>
        </li>
        <li>
          <Link to="/sign-up">{t('landing.signUp')}</Link>
        </li>
      </ul>
    </>
  );
}

/** The e-mail's link lands here with ?token=; the page confirms once and says so. */
export function ConfirmEmailPage() {
  const t = useT();
  const intl = useIntl();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmail();
  const sent = useRef(false);
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      confirm.mutate(token);
    }
  }, [token, confirm]);
  return (
    <>
      <PageTitle>{t('confirm.title')}</PageTitle>
      {!token && <p role="alert">{t('error.TOKEN_INVALID')}</p>}
      {confirm.isPending && <p role="status">{t('common.loading')}</p>}
      {confirm.isSuccess && (
        <div role="status">
          <p>{t('confirm.done')}</p>
          <p>
            <Link to="/sign-in">{t('signUp.done.signIn')}</Link>
          </p>
        </div>
      )}
      {confirm.isError && (
        <div role="alert">
          <p>{errorMessage(intl, confirm.error)}</p>
          <p>
            <Link to="/resend-confirmation">{t('signUp.done.resend')}</Link>
          </p>
        </div>
      )}
    </>
  );
}

/** One e-mail field that posts and then always says the same thing (the API never tells whether an address is registered). */
function EmailRequestPage({
  titleId,
  introId,
  doneId,
  action,
}: {
  titleId: string;
  introId: string;
  doneId: string;
  action: ReturnType<typeof useResendConfirmation>;
}) {
  const t = useT();
  const intl = useIntl();
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setProblems([{ fieldId: 'email', message: t('signUp.error.email') }]);
      return;
    }
    setProblems([]);
    try {
      await action.mutateAsync(email.trim());
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }
  return (
    <>
      <PageTitle>{t(titleId)}</PageTitle>
      {action.isSuccess ? (
        <p role="status">{t(doneId)}</p>
      ) : (
        <>
          <p>{t(introId)}</p>
          <ErrorSummary problems={problems} />
          <form onSubmit={submit} noValidate>
            <Field id="email" label={t('signUp.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
            <button type="submit" disabled={action.isPending}>
              {t('common.send')}
            </button>
          </form>
        </>
      )}
    </>
  );
}

export function ResendConfirmationPage() {
  return <EmailRequestPage titleId="resend.title" introId="resend.intro" doneId="resend.done" action={useResendConfirmation()} />;
}

export function ForgotPasswordPage() {
  return <EmailRequestPage titleId="forgot.title" introId="forgot.intro" doneId="forgot.done" action={useRequestPasswordReset()} />;
}

export function ResetPasswordPage() {
  const t = useT();
  const intl = useIntl();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const reset = useResetPassword();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
      setProblems([{ fieldId: 'password', message: t('signUp.error.password') }]);
      return;
    }
    setProblems([]);
    try {
      await reset.mutateAsync({ token, password });
    } catch (error) {
      setProblems([{ message: errorMessage(intl, error) }]);
    }
  }
  return (
    <>
      <PageTitle>{t('reset.title')}</PageTitle>
      {reset.isSuccess ? (
        <div role="status">
          <p>{t('reset.done')}</p>
          <p>
            <Link to="/sign-in">{t('signUp.done.signIn')}</Link>
          </p>
        </div>
      ) : (
        <>
          <ErrorSummary problems={problems} />
          <form onSubmit={submit} noValidate>
            <Field
              id="password"
              label={t('reset.password')}
              hint={t('signUp.password.hint')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
            <button type="submit" disabled={reset.isPending || !token}>
              {t('reset.submit')}
            </button>
          </form>
          <p>
            <Link to="/forgot-password">{t('reset.again')}</Link>
          </p>
        </>
      )}
    </>
  );
}
