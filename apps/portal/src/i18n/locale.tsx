import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import en from './en.json';
import id from './id.json';

export type Locale = 'id' | 'en';
export const CATALOGUES: Record<Locale, Record<string, string>> = { id, en };

/** Only the language is remembered in the browser; never a token. */
const STORAGE_KEY = 'seleksi.locale';

function initialLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

const LocaleContext = createContext<{ locale: Locale; setLocale: (locale: Locale) => void }>({ locale: 'id', setLocale: () => undefined });

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(
    () => ({
      locale,
      setLocale: (next: Locale) => {
        setLocaleState(next);
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          /* private mode: the switch still works for this visit */
        }
      },
    }),
    [locale],
  );
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={CATALOGUES[locale]} defaultLocale="id">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale() {
  return useContext(LocaleContext);
}

/** The catalogue's text for a key: `t('landing.title')`, `t('countdown.left', { days })`. */
export function useT() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  /** A catalogue text when the key exists (document types, reason codes come from a period's data), else the fallback. */
  t.or = (id: string, fallback: string, values?: Record<string, string | number>) => (intl.messages[id] ? intl.formatMessage({ id }, values) : fallback);
  return t;
}
