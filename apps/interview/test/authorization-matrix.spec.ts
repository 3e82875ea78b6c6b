import { describeAuthorizationMatrix, freshSchema, MatrixTable, RUNTIME_ROUTES, startInProcess } from '@seleksi/testing';
import { InterviewConfig } from '../src/interview.config';
import { InterviewModule } from '../src/interview.module';

/** A panelist who does not sit on the (placeholder) panel is refused by the handler's membership check. */
const onPanel = { allow: ['panelist'], expect: { panelist: 403 } } as const;

const CANDIDATE = '/panelist/panels/{panelId}/candidates/{participantNumber}';

/** Who may call each route of interview; see libs/testing authorization-matrix.ts for the callers. */
const table: MatrixTable = {
  ...RUNTIME_ROUTES,
  'POST /panels': { allow: ['admin'] },
  'GET /panels': { allow: ['admin'] },
  'POST /panels/{panelId}/formations': { allow: ['admin'] },
  'POST /panels/{panelId}/slots': { allow: ['admin'] },
  'GET /panels/{panelId}/slots': { allow: ['admin'] },
  'PUT /slots/{slotId}/candidate': { allow: ['admin'] },
  'GET /admin/rater-statistics': { allow: ['admin'] },
  'GET /admin/interview-counts': { allow: ['admin'] },
  'GET /admin/view-log': { allow: ['admin'] },
  'GET /admin/candidates': { allow: ['admin'] },
  'GET /admin/candidates/{applicationId}': { allow: ['admin'] },
  'POST /formations/{formationId}/rubrics': { allow: ['admin'] },
  'POST /periods/{periodId}/position-rubrics': { allow: ['admin'] },
  'POST /periods/{periodId}/completion': { allow: ['admin'] },
  'GET /periods/{periodId}/reconciliation': { allow: ['admin'] },
  'GET /formations/{formationId}/rubrics/current': { allow: ['admin'] },
  'GET /panelist/candidates': { allow: ['panelist'] },
  [`GET ${CANDIDATE}`]: onPanel,
  [`PUT ${CANDIDATE}/sheet`]: { allow: ['panelist'] },
  [`POST ${CANDIDATE}/sheet/submit`]: onPanel,
  [`GET ${CANDIDATE}/sheets`]: onPanel,
  [`POST ${CANDIDATE}/calibration`]: { allow: ['panelist'] },
  [`POST ${CANDIDATE}/finalize`]: onPanel,
  [`POST ${CANDIDATE}/absent`]: onPanel,
  [`POST ${CANDIDATE}/conflict`]: { allow: ['panelist'] },
};

describeAuthorizationMatrix('interview', {
  start: async () => {
    await freshSchema('interview');
    return startInProcess({ service: 'interview', configType: InterviewConfig, module: (c) => InterviewModule.forConfig(c, { processMetrics: false }) });
  },
  table,
});
