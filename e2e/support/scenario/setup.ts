import { ScenarioContext } from './context';
import { call, ok, until } from './http';
import { FORMATIONS, FormationKey, RULES } from './inputs';

const HOUR = 3_600_000;

/**
 * The agency sets up the period: an admin creates it with its rules and four formations and opens
 * it; then registers the verifiers in screening, the SKB venue and session, and the interview
 * panels and rubrics, each once that service has heard of the period.
 */
export async function setUpPeriod(ctx: ScenarioContext, code: string): Promise<void> {
  const admin = ctx.admin.token;
  const reg = () => ctx.url('registration');
  const now = ctx.pipeline.now().getTime();
  ctx.registrationClosesAt = new Date(now + 2 * 24 * HOUR);
  const period = await ok(reg(), 'POST', '/admin/periods', {
    token: admin,
    json: {
      code,
      name: 'Seleksi Tenaga IT Command Center (skenario)',
      agencyName: 'BKPSDM Kota Contoh',
      timeZone: 'WIB',
      registrationOpensAt: new Date(now - HOUR).toISOString(),
      registrationClosesAt: ctx.registrationClosesAt.toISOString(),
      ageReferenceDate: RULES.ageReferenceDate,
      ruleVersion: 'scenario.1',
      appealFilingDays: 3,
      appealAnsweringDays: 7,
      stageWeights: RULES.stageWeights,
      tieBreakChain: RULES.tieBreakChain,
      skb: RULES.skb,
      interview: RULES.interview,
      placement: { optimalisasiScope: 'POSITION_AND_EDUCATION', overrideNeedsSecondApproval: true, reportingDate: RULES.reportingDate },
    },
  });
  ctx.periodId = period.id;
  for (const f of Object.values(FORMATIONS)) {
    const created = await ok(reg(), 'POST', `/admin/periods/${ctx.periodId}/formations`, {
      token: admin,
      json: {
        code: f.code,
        position: f.position,
        unit: f.unit,
        formationType: 'general',
        quota: f.quota,
        requirements: {
          educationLevels: f.levels,
          acceptedMajors: f.majors,
          minimumGpa: f.minimumGpa,
          minimumAge: RULES.minimumAge,
          maximumAge: RULES.maximumAge,
          documents: [
            { type: 'pas-foto', mediaType: 'image/jpeg', maxBytes: 204_800 },
            { type: 'ijazah', mediaType: 'application/pdf', maxBytes: 819_200 },
          ],
        },
      },
    });
    ctx.formationIds[f.key] = created.id;
  }
  await ok(reg(), 'POST', `/admin/periods/${ctx.periodId}/open`, { token: admin });
  ctx.log(`setup: period ${code} (${ctx.periodId}) open, closes ${ctx.registrationClosesAt.toISOString()}`);

  const accepted = (status: number) => status === 201 || status === 200;
  const kk = (n: number) => `32730199000000${String(n).padStart(2, '0')}`;
  for (const [n, v] of ctx.verifiers.entries()) {
    await until(
      `screening to take verifier ${n + 1}`,
      async () =>
        (
          await call(ctx.url('screening'), 'POST', `/periods/${ctx.periodId}/verifiers`, {
            token: admin,
            json: { accountId: v.id, name: `Verifikator ${n + 1}`, kkNumber: kk(n + 1) },
          })
        ).status,
      accepted,
    );
  }

  const skb = ctx.skbOfficer.token;
  await until(
    'skb to take the venue',
    async () =>
      (
        await call(ctx.url('skb'), 'POST', `/periods/${ctx.periodId}/venues`, {
          token: skb,
          json: {
            name: 'UPT CAT Kota Contoh',
            address: 'Jl. Merdeka No. 1',
            rooms: [
              { name: 'Ruang 1', capacity: 150 },
              { name: 'Ruang 2', capacity: 150 },
            ],
          },
        })
      ).status,
    accepted,
  );
  await ok(ctx.url('skb'), 'POST', `/periods/${ctx.periodId}/sessions`, {
    token: skb,
    json: { name: 'Sesi 1', date: '2027-01-11', startTime: '08:00', durationMinutes: 100 },
  });

  // Panel 0 interviews A and B, panel 1 C and D; four members each, so one recusal leaves three.
  for (const [p, members] of ctx.panelists.entries()) {
    const panel = await until(
      `interview to take panel ${p}`,
      async () =>
        call(ctx.url('interview'), 'POST', '/panels', {
          token: admin,
          json: {
            periodId: ctx.periodId,
            name: `Panel ${p + 1}`,
            members: members.map((m, i) => ({ panelistId: m.id, displayName: `Panelis ${p + 1}.${i + 1}`, kkNumber: kk(10 + 4 * p + i), chair: i === 0 })),
          },
        }),
      (r) => accepted(r.status),
    );
    ctx.panelIds.push(panel.body.panelId);
  }
  const panelFormations: Record<number, FormationKey[]> = { 0: ['A', 'B'], 1: ['C', 'D'] };
  for (const [p, keys] of Object.entries(panelFormations)) {
    for (const key of keys) {
      await until(
        `interview to hear of formation ${key}`,
        async () =>
          (
            await call(ctx.url('interview'), 'POST', `/panels/${ctx.panelIds[Number(p)]}/formations`, {
              token: admin,
              json: { formationId: ctx.formationIds[key] },
            })
          ).status,
        accepted,
      );
      await ok(ctx.url('interview'), 'POST', `/formations/${ctx.formationIds[key]}/rubrics`, {
        token: admin,
        json: {
          criteria: RULES.criteria.map((c) => ({
            ...c,
            anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `${c.label}: tingkat ${level}` })),
          })),
        },
      });
    }
  }
  ctx.log('setup: verifiers, SKB venue and session, interview panels and rubrics in place');
}
