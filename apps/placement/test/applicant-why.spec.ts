import { applicantWhy, OVERRIDE_WHY_FOR_APPLICANT } from '../src/allocation/applicant-why';

describe(applicantWhy.name, () => {
  const officersRecord = 'override of the proposed placement of 6f1c… by officer 9a2e…, approved by 77b0…: domisili dekat unit';

  it("gives an override's applicant a fixed sentence, without the reason, the officers or the displaced applicant", () => {
    const why = applicantWhy({ kind: 'OVERRIDE', why: officersRecord });
    expect(why).toBe(OVERRIDE_WHY_FOR_APPLICANT);
    for (const secret of ['domisili', '6f1c', '9a2e', '77b0']) expect(why).not.toContain(secret);
  });

  it.each(['REGULAR', 'OPTIMALISASI', 'REPLACEMENT'])('keeps the computed why of a %s placement', (kind) => {
    expect(applicantWhy({ kind, why: 'rank 1 of 3 in PK-AP, within its quota of 2' })).toBe('rank 1 of 3 in PK-AP, within its quota of 2');
  });
});
