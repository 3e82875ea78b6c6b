export interface CaseToAssign {
  applicationId: string;
  kkDigest: string | null;
}

export interface VerifierLoad {
  accountId: string;
  kkDigest: string;
  openCases: number;
}

export interface Distribution {
  assignments: { applicationId: string; accountId: string }[];
  /** Cases every verifier is related to (same KK): they wait for another verifier to be registered. */
  unassignable: string[];
}

/**
 * Balanced assignment: each case in turn goes to the verifier with the fewest open cases (ties by
 * account id, so the outcome is reproducible), never to one sharing the applicant's KK number.
 */
export function distribute(cases: CaseToAssign[], verifiers: VerifierLoad[]): Distribution {
  const load = verifiers.map((v) => ({ ...v })).sort((a, b) => a.openCases - b.openCases || a.accountId.localeCompare(b.accountId));
  const assignments: Distribution['assignments'] = [];
  const unassignable: string[] = [];
  for (const c of cases) {
    let best: (typeof load)[number] | undefined;
    for (const v of load) {
      if (c.kkDigest !== null && v.kkDigest === c.kkDigest) continue;
      if (!best || v.openCases < best.openCases || (v.openCases === best.openCases && v.accountId < best.accountId)) best = v;
    }
    if (!best) {
      unassignable.push(c.applicationId);
      continue;
    }
    best.openCases += 1;
    assignments.push({ applicationId: c.applicationId, accountId: best.accountId });
  }
  return { assignments, unassignable };
}
