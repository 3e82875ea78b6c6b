import { freshSchema, InProcessService, newIds, newPayload, publishEvent, startInProcess, testKafka, waitFor } from '@seleksi/testing';
import { IntakeHandler } from '../src/intake/intake.handler';
import { SkbConfig } from '../src/skb.config';
import { SkbModule } from '../src/skb.module';
import { seedPeriod } from './skb-helpers';

describe(IntakeHandler.name, () => {
  let svc: InProcessService<SkbConfig>;

  beforeAll(async () => {
    await freshSchema('skb');
    svc = await startInProcess({ service: 'skb', configType: SkbConfig, module: (c) => SkbModule.forConfig(c, { processMetrics: false }) });
  }, 90_000);

  afterAll(async () => {
    await svc?.close();
  });

  it("applies registration's quota change to the formation whose quota the proceed cut reads", async () => {
    const { periodId, formations } = await seedPeriod(svc, [{ code: 'QUOTA-A', quota: 1, count: 1 }]);
    const formationId = formations[0].formationId;
    const ids = newIds({ periodId, formationId });
    await publishEvent(
      testKafka(),
      svc.topicPrefix,
      'FormationQuotaChanged',
      newPayload('FormationQuotaChanged', ids, { formationId, previousQuota: 1, quota: 4 }),
    );
    await waitFor('the new quota at skb', async () => {
      const [row] = (await svc.dataSource.query(`SELECT quota FROM skb.formations WHERE formation_id = $1`, [formationId])) as { quota: number }[];
      return row.quota === 4;
    });
  });
});
