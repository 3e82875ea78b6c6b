import { useMutation, useQuery } from '@tanstack/react-query';
import { registration, type RegistrationSchemas } from '../api/clients';
import { unwrap } from '../api/errors';
import { useSession } from './use-session';

export type SignUp = RegistrationSchemas['schemas']['SignUpDto'];

export function useMe() {
  const session = useSession();
  return useQuery({ queryKey: ['me'], enabled: Boolean(session), queryFn: async () => unwrap(await registration.GET('/accounts/me')) });
}

export function useSignUp() {
  return useMutation({ mutationFn: async (body: SignUp) => unwrap(await registration.POST('/accounts', { body })) });
}

export function useConfirmEmail() {
  return useMutation({ mutationFn: async (token: string) => unwrap(await registration.POST('/accounts/confirm-email', { body: { token } })) });
}

/** Contract routes of the account branch (CONTRACTS.md): called by path until the generated client has them. */
async function postJson(path: string, body: object): Promise<void> {
  const response = await fetch(`/api/registration${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) unwrap({ error: await response.json().catch(() => ({})), response });
}

export function useResendConfirmation() {
  return useMutation({ mutationFn: (email: string) => postJson('/accounts/confirm-email/resend', { email }) });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => postJson('/accounts/password-reset', { email }) });
}

export function useResetPassword() {
  return useMutation({ mutationFn: (input: { token: string; password: string }) => postJson('/accounts/password-reset/confirm', input) });
}
