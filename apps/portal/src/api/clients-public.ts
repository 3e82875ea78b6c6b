import createClient from 'openapi-fetch';
import type { paths as RegistrationPaths } from './generated/registration';

/**
 * Registration's routes that need no session (sign-in, refresh, sign-up, recovery): no token and
 * no refresh-on-401, so a refused password is an answer rather than a trip to the sign-in page.
 * The refresh cookie goes along because the origin is the same.
 */
export const registrationPublic = createClient<RegistrationPaths>({ baseUrl: `${window.location.origin}/api/registration`, credentials: 'same-origin' });

export type { components as RegistrationSchemas } from './generated/registration';
