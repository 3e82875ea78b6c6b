import { DemoApis, DemoTargets, PERIOD_CODE } from './demo-context';
import { DemoStaff } from './demo-staff';
import { Json } from './http';
import { demoApplicantIndex, demoApplicantPassword } from './seed';

export interface DemoFormation {
  id: string;
  code: string;
  position: string;
  quota: number;
}

/** The demo period as registration shows it to everyone. */
export interface DemoPeriod {
  id: string;
  status: 'draft' | 'open' | 'closed';
  registrationClosesAt: string;
  registrationClosesLocal: string;
  appealFilingDays: number;
  formations: DemoFormation[];
}

export interface StageContext {
  t: DemoTargets;
  apis: DemoApis;
  staff: DemoStaff;
  period: DemoPeriod;
}

export async function findDemoPeriod(apis: DemoApis): Promise<DemoPeriod | undefined> {
  const list = await apis.registration.must('GET', '/periods');
  const summary = (list.body as { id: string; code: string }[]).find((p) => p.code === PERIOD_CODE);
  if (!summary) return undefined;
  const period = (await apis.registration.must('GET', `/periods/${summary.id}`)).body as Json;
  const formations = (await apis.registration.must('GET', `/periods/${summary.id}/formations`)).body as Json[];
  return {
    id: period.id,
    status: period.status,
    registrationClosesAt: period.registrationClosesAt,
    registrationClosesLocal: period.registrationClosesLocal,
    appealFilingDays: period.appealFilingDays,
    formations: formations.map((f) => ({ id: f.id, code: f.code, position: f.position, quota: f.quota })),
  };
}

export interface AuditEntry {
  at: string;
  actorId: string;
  action: string;
  applicationId: string | null;
  details: Json;
}

/** Screening's audit log of the period, the record of who decided, announced and finalized what. */
export async function screeningAudit(c: StageContext): Promise<AuditEntry[]> {
  const admin = await c.staff.as('admin');
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/audit?periodId=${c.period.id}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await c.apis.screening.must('GET', query, { token: admin.token });
    entries.push(...(page.body.items as AuditEntry[]));
    cursor = page.body.nextCursor;
  } while (cursor);
  return entries;
}

/** The latest screening decision of each application: result and reason codes. */
export function latestDecisions(audit: AuditEntry[]): Map<string, { result: 'MS' | 'TMS'; reasonCodes: string[]; by: string }> {
  const decisions = new Map<string, { result: 'MS' | 'TMS'; reasonCodes: string[]; by: string }>();
  for (const e of audit) {
    if (e.action === 'CASE_DECIDED' && e.applicationId)
      decisions.set(e.applicationId, { result: e.details.result, reasonCodes: e.details.reasonCodes ?? [], by: e.actorId });
    if (e.action === 'APPEAL_RESOLVED' && e.applicationId && e.details?.resolution === 'UPHELD') {
      const d = decisions.get(e.applicationId);
      if (d) decisions.set(e.applicationId, { ...d, result: 'MS', reasonCodes: [] });
    }
  }
  return decisions;
}

/** Placement's per-formation report: counts of what reached it and what was placed. */
export async function placementReport(c: StageContext): Promise<Json[]> {
  const admin = await c.staff.as('admin');
  const reply = await c.apis.placement.call('GET', `/periods/${c.period.id}/report`, { token: admin.token });
  return reply.status === 200 ? (reply.body as Json[]) : [];
}

/** How to look as one applicant: their sign-in (demo passwords are known) and the route that shows their path. */
export async function applicantToWatch(c: StageContext, applicationId: string): Promise<string> {
  const admin = await c.staff.as('admin');
  const detail = await c.apis.screening.call('GET', `/cases/${applicationId}`, { token: admin.token });
  const email = detail.status === 200 ? (detail.body.submission.applicant.email as string) : undefined;
  const index = email ? demoApplicantIndex(email) : undefined;
  if (index === undefined) return `GET ${c.t.registration}/applications/${applicationId}/timeline (as the applicant)`;
  return `sign in as ${email} (password ${demoApplicantPassword(index)}), then GET ${c.t.registration}/applications/${applicationId}/timeline`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const sum = (rows: Json[], field: string): number => rows.reduce((n, r) => n + Number(r[field] ?? 0), 0);

/** A stable number in [0, 1) from a string, so the demo's "random" scores are the same on every run. */
export function hashUnit(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h / 4294967296;
}
