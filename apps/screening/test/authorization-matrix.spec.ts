import { describeAuthorizationMatrix, MatrixTable, RUNTIME_ROUTES } from '@seleksi/testing';
import { startScreening } from './screening-harness';

/** Who may call each route of screening; see libs/testing authorization-matrix.ts for the callers. */
const table: MatrixTable = {
  ...RUNTIME_ROUTES,
  'GET /cases/queue': { allow: ['verifier'] },
  'POST /cases/decisions': { allow: ['verifier'] },
  'GET /cases/{applicationId}': { allow: ['verifier', 'admin'] },
  'POST /cases/{applicationId}/decision': { allow: ['verifier'] },
  'PUT /cases/{applicationId}/assignment': { allow: ['admin'] },
  'GET /periods/{periodId}/announcement': { allow: ['admin'] },
  'POST /periods/{periodId}/announcement': { allow: ['admin'] },
  'POST /periods/{periodId}/finalization': { allow: ['admin'] },
  'GET /periods/{periodId}/reconciliation': { allow: ['admin'] },
  'POST /periods/{periodId}/verifiers': { allow: ['admin'] },
  'GET /periods/{periodId}/verifiers': { allow: ['admin'] },
  'POST /periods/{periodId}/distribution': { allow: ['admin'] },
  'GET /audit': { allow: ['admin'] },
  'POST /applications/{applicationId}/appeal': { allow: ['applicant'] },
  'GET /applications/{applicationId}/appeal': { allow: ['applicant'], otherApplicant: 404 },
  'GET /appeals/assigned': { allow: ['verifier'] },
  'GET /appeals/overdue': { allow: ['admin'] },
  'PUT /appeals/{appealId}/reviewer': { allow: ['admin'] },
  'POST /appeals/{appealId}/resolution': { allow: ['verifier'] },
  'GET /reasons': { allow: ['verifier', 'admin'] },
};

describeAuthorizationMatrix('screening', { start: async () => (await startScreening()).svc, table });
