import { newRequirements, sampleJpeg, samplePdf } from '@seleksi/testing';
import { formatLocalTime } from '@seleksi/time';
import { isoLocal } from '../src/common/local-time';
import { PiiCipher } from '../src/common/pii-cipher';
import { sniffMediaType } from '../src/documents/content-type';
import { canonicalJson, completeness, isComplete, submissionHash, SubmittedContent } from '../src/applications/submission';
import { Period, periodRuleProblems } from '../src/periods/period';
import { PERIOD_DEFAULTS } from '../src/periods/period-defaults';

describe(sniffMediaType.name, () => {
  it.each([
    ['a JPEG', sampleJpeg(1000), 'image/jpeg'],
    ['a PDF', samplePdf(1000), 'application/pdf'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['plain text', Buffer.from('hello, this is not a scan'), undefined],
    ['an empty file', Buffer.alloc(0), undefined],
    ['a ZIP (a .docx renamed .pdf)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), undefined],
    ['a PDF header late in the file', Buffer.concat([Buffer.from('junk'), samplePdf(1000)]), undefined],
  ])('decides %s by its first bytes', (_, content, expected) => {
    expect(sniffMediaType(content)).toBe(expected);
  });
});

describe('local time', () => {
  const instant = new Date('2026-12-15T16:59:00Z');
  it.each([
    ['WIB', '15 December 2026, 23:59 WIB', '2026-12-15T23:59:00+07:00'],
    ['WITA', '16 December 2026, 00:59 WITA', '2026-12-16T00:59:00+08:00'],
    ['WIT', '16 December 2026, 01:59 WIT', '2026-12-16T01:59:00+09:00'],
  ] as const)('shows an instant in %s', (zone, text, iso) => {
    expect(formatLocalTime(instant, zone, 'en')).toBe(text);
    expect(isoLocal(instant, zone)).toBe(iso);
  });
});

describe(PiiCipher.name, () => {
  const cipher = new PiiCipher(Buffer.alloc(32, 3).toString('base64'));

  it('round-trips and never stores the same ciphertext twice', () => {
    const a = cipher.encrypt('3273014412980001');
    const b = cipher.encrypt('3273014412980001');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('3273014412980001'))).toBe(false);
    expect(cipher.decrypt(a)).toBe('3273014412980001');
  });

  it('gives equal lookup digests for equal numbers only', () => {
    expect(cipher.lookupDigest('3273014412980001')).toBe(cipher.lookupDigest('3273014412980001'));
    expect(cipher.lookupDigest('3273014412980001')).not.toBe(cipher.lookupDigest('3273014412980002'));
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = cipher.encrypt('3273014412980001');
    sealed[sealed.length - 1] ^= 1;
    expect(() => cipher.decrypt(sealed)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new PiiCipher(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe(submissionHash.name, () => {
  const content = (): SubmittedContent => ({
    applicationId: 'a1',
    formationId: 'f1',
    applicant: {
      applicantId: 'p1',
      fullName: 'Siti',
      placeOfBirth: 'Bandung',
      dateOfBirth: '1998-12-04',
      gender: 'F',
      email: 's@x.id',
      phone: '+6281',
      kkDigest: 'k',
    },
    education: { level: 'S1', institution: 'Unpad', major: 'TI', accreditation: 'A', gpa: 3.4, graduationDate: '2021-08-28' },
    declarations: ['DATA_TRUE'],
    documents: [{ type: 'ijazah', documentId: 'd1', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'ab' }],
  });

  it('does not depend on the order of keys', () => {
    const reordered = JSON.parse(JSON.stringify(content(), Object.keys(content()).reverse())) as SubmittedContent;
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(submissionHash({ ...reordered, ...content() })).toBe(submissionHash(content()));
  });

  it('changes when a document changes', () => {
    const changed = content();
    changed.documents[0].sha256 = 'cd';
    expect(submissionHash(changed)).not.toBe(submissionHash(content()));
  });
});

describe(completeness.name, () => {
  const requirements = newRequirements();
  const education = { level: 'S1', institution: 'Unpad', major: 'TI', accreditation: 'A', gpa: 3.4, graduationDate: '2021-08-28' };

  it('is complete with every document, declaration and the education', () => {
    const c = completeness(requirements, ['pas-foto', 'ktp', 'ijazah'], ['A', 'B'], ['A', 'B'], education);
    expect(isComplete(c)).toBe(true);
  });

  it('names what is missing', () => {
    const c = completeness(requirements, ['ktp'], ['A'], ['A', 'B'], null);
    expect(c).toEqual({ missingDocuments: ['pas-foto', 'ijazah'], missingDeclarations: ['B'], educationMissing: true });
    expect(isComplete(c)).toBe(false);
  });
});

describe(periodRuleProblems.name, () => {
  const period = (): Omit<Period, 'id' | 'status'> => ({
    code: 'P-1',
    name: 'P',
    agencyName: 'A',
    timeZone: 'WIB',
    ruleVersion: 'v1',
    ageReferenceDate: '2026-12-15',
    registrationOpensAt: new Date('2026-12-01T00:00:00Z'),
    registrationClosesAt: new Date('2026-12-15T16:59:59Z'),
    appealFilingDays: 3,
    appealAnsweringDays: 7,
    rules: {
      stageWeights: { ...PERIOD_DEFAULTS.stageWeights },
      tieBreakChain: [...PERIOD_DEFAULTS.tieBreakChain],
      skb: JSON.parse(JSON.stringify(PERIOD_DEFAULTS.skb)),
      interview: { ...PERIOD_DEFAULTS.interview },
      placement: { ...PERIOD_DEFAULTS.placementRules, reportingDate: '2027-01-04' },
    },
  });

  it("accepts domain.md's defaults", () => {
    expect(periodRuleProblems(period())).toEqual([]);
  });

  it.each<[string, (p: ReturnType<typeof period>) => void, string]>([
    ['a window that closes before it opens', (p) => (p.registrationClosesAt = new Date('2026-11-30T00:00:00Z')), 'WINDOW_INVALID'],
    ['stage weights of 60 + 50', (p) => (p.rules.stageWeights.interview = 50), 'WEIGHTS_NOT_100'],
    ['SKB weights of 60 + 30', (p) => (p.rules.skb.components[1].weight = 30), 'WEIGHTS_NOT_100'],
    ['a passing grade above the maximum', (p) => (p.rules.skb.components[0].passingGrade = 501), 'PASSING_GRADE_ABOVE_MAX'],
    ['the same component twice', (p) => (p.rules.skb.components[1].component = 'cat'), 'COMPONENT_DUPLICATE'],
    ['an interview scale of 5 to 5', (p) => (p.rules.interview.scaleMin = 5), 'SCALE_INVALID'],
    ['31 February as reference date', (p) => (p.ageReferenceDate = '2026-02-31'), 'DATE_INVALID'],
  ])('refuses %s', (_, change, code) => {
    const p = period();
    change(p);
    expect(periodRuleProblems(p).map((x) => x.code)).toContain(code);
  });
});
