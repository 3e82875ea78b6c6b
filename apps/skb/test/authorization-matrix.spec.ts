import { describeAuthorizationMatrix, freshSchema, MatrixTable, RUNTIME_ROUTES, startInProcess } from '@seleksi/testing';
import { SkbConfig } from '../src/skb.config';
import { SkbModule } from '../src/skb.module';

/** Who may call each route of skb; see libs/testing authorization-matrix.ts for the callers. */
const table: MatrixTable = {
  ...RUNTIME_ROUTES,
  'POST /periods/{periodId}/score-imports': { allow: ['skb-officer', 'admin'] },
  'PUT /periods/{periodId}/participants/{participantNumber}/scores/{component}': { allow: ['skb-officer', 'admin'] },
  'PUT /periods/{periodId}/participants/{participantNumber}/attendance': { allow: ['skb-officer', 'admin'] },
  'POST /periods/{periodId}/venues': { allow: ['skb-officer', 'admin'] },
  'POST /periods/{periodId}/sessions': { allow: ['skb-officer', 'admin'] },
  'POST /periods/{periodId}/allocation': { allow: ['skb-officer', 'admin'] },
  'GET /periods/{periodId}/allocation': { allow: ['skb-officer', 'admin'] },
  'POST /periods/{periodId}/allocation/publish': { allow: ['skb-officer', 'admin'] },
  'POST /periods/{periodId}/finalize': { allow: ['skb-officer', 'admin'] },
  'GET /periods': { allow: ['skb-officer', 'admin'] },
  'GET /periods/{periodId}': { allow: ['skb-officer', 'admin'] },
  'GET /periods/{periodId}/venues': { allow: ['skb-officer', 'admin'] },
  'GET /periods/{periodId}/sessions': { allow: ['skb-officer', 'admin'] },
  'GET /periods/{periodId}/score-sheet': { allow: ['skb-officer', 'admin'] },
  'GET /periods/{periodId}/score-imports/latest': { allow: ['skb-officer', 'admin'] },
  'GET /periods/{periodId}/results/distribution': { allow: ['skb-officer', 'admin'] },
  'GET /admin/periods/{periodId}/outcome-counts': { allow: ['admin'] },
  'GET /periods/{periodId}/reconciliation': { allow: ['admin'] },
  'GET /me/periods/{periodId}/exam-card': { allow: ['applicant'], otherApplicant: 404 },
  'GET /me/periods/{periodId}/exam-card/details': { allow: ['applicant'], otherApplicant: 404 },
  'GET /me/periods/{periodId}/result': { allow: ['applicant'], otherApplicant: 404 },
};

describeAuthorizationMatrix('skb', {
  start: async () => {
    await freshSchema('skb');
    return startInProcess({ service: 'skb', configType: SkbConfig, module: (c) => SkbModule.forConfig(c, { processMetrics: false }) });
  },
  table,
});
