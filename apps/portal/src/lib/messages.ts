import type { IntlShape } from 'react-intl';
import { ApiError, NetworkError } from '../api/errors';

/** The catalogue's sentence for an API error code (`error.<CODE>`), or a general one. */
export function errorMessage(intl: IntlShape, error: unknown): string {
  if (error instanceof ApiError) {
    const id = `error.${error.code}`;
    const values = {
      seconds: error.retryAfterSeconds ?? 1,
      limit: String(error.body.limit ?? error.body.maxBytes ?? ''),
      found: String(error.body.found ?? error.body.mediaType ?? ''),
    };
    if (intl.messages[id]) return intl.formatMessage({ id }, values);
    return intl.formatMessage({ id: 'error.UNKNOWN' }, { code: error.code });
  }
  if (error instanceof NetworkError) return intl.formatMessage({ id: 'error.NETWORK' });
  return intl.formatMessage({ id: 'error.UNKNOWN' }, { code: '?' });
}
