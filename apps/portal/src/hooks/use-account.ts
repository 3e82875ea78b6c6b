import { useMutation, useQuery } from '@tanstack/react-query';
import { registration, type RegistrationSchemas } from '../api/clients';
import { registrationPublic } from '../api/clients-public';
import { unwrap } from '../api/errors';
import { useSession } from './use-session';

export type SignUp = RegistrationSchemas['schemas']['SignUpDto'];

export function useMe() {
  const session = useSession();
  return useQuery({ queryKey: ['me'], enabled: Boolean(session), queryFn: async () => unwrap(await registration.GET('/accounts/me')) });
}

export function useSignUp() {
  return useMutation({ mutationFn: async (body: SignUp) => unwrap(await registrationPublic.POST('/accounts', { body })) });
}

export function useConfirmEmail() {
  return useMutation({ mutationFn: async (token: string) => unwrap(await registrationPublic.POST('/accounts/confirm-email', { body: { token } })) });
}

/** The answer is the same whether or not the address is registered (202 accepted). */
export function useResendConfirmation() {
  return useMutation({ mutationFn: async (email: string) => unwrap(await registrationPublic.POST('/accounts/confirm-email/resend', { body: { email } })) });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: async (email: string) => unwrap(await registrationPublic.POST('/accounts/password-reset', { body: { email } })) });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) => unwrap(await registrationPublic.POST('/accounts/password-reset/confirm', { body })),
  });
}
