import { describeAuthorizationMatrix, freshSchema, MatrixTable, RUNTIME_ROUTES, startInProcess } from '@seleksi/testing';
import { PlacementConfig } from '../src/placement.config';
import { PlacementModule } from '../src/placement.module';

/** Who may call each route of placement; see libs/testing authorization-matrix.ts for the callers. */
const table: MatrixTable = {
  ...RUNTIME_ROUTES,
  'GET /periods': { allow: ['placement-officer', 'admin'] },
  'GET /periods/{periodId}': { allow: ['placement-officer', 'admin'] },
  'POST /periods/{periodId}/rankings': { allow: ['placement-officer', 'admin'] },
  'GET /periods/{periodId}/formations/{formationId}/ranking': { allow: ['placement-officer', 'admin'] },
  'POST /periods/{periodId}/proposal': { allow: ['placement-officer', 'admin'] },
  'GET /periods/{periodId}/placements': { allow: ['placement-officer', 'admin'] },
  'GET /periods/{periodId}/overrides': { allow: ['placement-officer', 'admin'] },
  'POST /periods/{periodId}/placements/{placementId}/override': { allow: ['placement-officer'] },
  'POST /periods/{periodId}/overrides/{overrideId}/approval': { allow: ['placement-officer'] },
  'POST /periods/{periodId}/confirmation': { allow: ['placement-officer'] },
  'POST /periods/{periodId}/announcement': { allow: ['admin'] },
  'GET /periods/{periodId}/report': { allow: ['placement-officer', 'admin'] },
  'GET /periods/{periodId}/reconciliation': { allow: ['admin'] },
  'GET /applications/{applicationId}/outcome': { allow: ['applicant', 'placement-officer', 'admin'], otherApplicant: 404 },
  'POST /applications/{applicationId}/decline': { allow: ['applicant'] },
};

describeAuthorizationMatrix('placement', {
  start: async () => {
    await freshSchema('placement');
    return startInProcess({ service: 'placement', configType: PlacementConfig, module: (c) => PlacementModule.forConfig(c, { processMetrics: false }) });
  },
  table,
});
