import { describeAuthorizationMatrix, MatrixTable, RUNTIME_ROUTES } from '@seleksi/testing';
import { startRegistration } from './registration-harness';

/** Who may call each route of registration; see libs/testing authorization-matrix.ts for the callers. */
const table: MatrixTable = {
  ...RUNTIME_ROUTES,
  'POST /auth/login': { allow: 'public' },
  // Without a refresh token in the body they read the cookie, and a call without an allowed Origin is refused there.
  // The refresh token, not the access token, decides: an unknown one is 401 whoever calls.
  'POST /auth/refresh': { allow: 'public', body: { refreshToken: 'not-a-refresh-token' }, everyone: 401 },
  'POST /auth/logout': { allow: 'public', body: { refreshToken: 'not-a-refresh-token' } },
  'POST /accounts': { allow: 'public' },
  'POST /accounts/confirm-email': { allow: 'public' },
  'POST /accounts/confirm-email/resend': { allow: 'public' },
  'POST /accounts/password-reset': { allow: 'public' },
  'POST /accounts/password-reset/confirm': { allow: 'public' },
  'GET /accounts/me': { allow: 'any' },
  'GET /periods': { allow: 'public' },
  'GET /periods/{periodId}': { allow: 'public' },
  'GET /periods/{periodId}/formations': { allow: 'public' },
  'GET /admin/periods': { allow: ['admin'] },
  'POST /admin/periods': { allow: ['admin'] },
  'GET /admin/periods/defaults': { allow: ['admin'] },
  'PUT /admin/periods/{periodId}': { allow: ['admin'] },
  'GET /admin/staff': { allow: ['admin'] },
  'POST /admin/periods/{periodId}/open': { allow: ['admin'] },
  'POST /admin/periods/{periodId}/close': { allow: ['admin'] },
  'GET /admin/periods/{periodId}/formations': { allow: ['admin'] },
  'POST /admin/periods/{periodId}/formations': { allow: ['admin'] },
  'PUT /admin/formations/{formationId}': { allow: ['admin'] },
  'POST /admin/formations/{formationId}/quota': { allow: ['admin'] },
  'POST /admin/accounts/release-nik': { allow: ['admin'] },
  'PATCH /admin/accounts/{accountId}/identity': { allow: ['admin'] },
  'GET /admin/accounts/audit': { allow: ['admin'] },
  'GET /admin/audit': { allow: ['admin'] },
  'GET /admin/periods/{periodId}/application-counts': { allow: ['admin'] },
  'GET /applications': { allow: ['applicant'] },
  'POST /applications': { allow: ['applicant'] },
  'GET /applications/{applicationId}': { allow: ['applicant'], otherApplicant: 404 },
  'PATCH /applications/{applicationId}': { allow: ['applicant'] },
  'PUT /applications/{applicationId}/documents/{type}': { allow: ['applicant'] },
  'POST /applications/{applicationId}/submit': { allow: ['applicant'] },
  'GET /applications/{applicationId}/card.pdf': { allow: ['applicant'], otherApplicant: 404 },
  'GET /applications/{applicationId}/timeline': { allow: ['applicant'], otherApplicant: 404 },
  // A verifier also needs screening's grant for the document (x-document-grant): without one, 403.
  'GET /staff/documents/{documentId}': { allow: ['verifier', 'admin'], expect: { verifier: 403 } },
};

describeAuthorizationMatrix('registration', { start: () => startRegistration(), table });
