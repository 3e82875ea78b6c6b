import { EventName } from './catalog';

/**
 * Field names that hold personal data (UU 27/2022) wherever they appear in a payload: identity,
 * contact, education, photos, and free text written about an applicant.
 */
export const PERSONAL_FIELD =
  /(^|\.)(fullName|placeOfBirth|dateOfBirth|gender|email|phone|kkDigest|gpa|institution|major|graduationDate|photoDocumentId|note)$/;

/**
 * Why each personal field of an event travels: which consumer uses it, for what. docs/events.md
 * shows it per event, and tools/event-docs.spec.ts fails when a personal field has no entry here,
 * so a new one cannot slip into an event unexplained. Entries that begin with "Not used" are
 * known excess, kept until a new version of the event drops them.
 */
export const PERSONAL_DATA: Partial<Record<EventName, Record<string, string>>> = {
  ApplicationSubmitted: {
    'applicant.fullName': 'screening: the verifier compares it with the KTP and the diploma in the case view',
    'applicant.placeOfBirth': 'screening: the verifier compares it with the KTP',
    'applicant.dateOfBirth': "screening: the age rule at the period's reference date, and the KTP comparison",
    'applicant.gender': 'screening: the KTP comparison (the NIK encodes it; nikWarnings say when they disagree)',
    'applicant.email': 'Not used by screening: to be dropped in ApplicationSubmitted.v2 (registration keeps the contact)',
    'applicant.phone': 'Not used by screening: to be dropped in ApplicationSubmitted.v2 (registration keeps the contact)',
    'applicant.kkDigest': 'screening: a verifier never gets a case of their own family (a keyed digest, never the KK number)',
    'education.institution': "screening: the formation's requirements and the diploma comparison",
    'education.major': "screening: the formation's accepted majors",
    'education.gpa': "screening: the formation's minimum GPA",
    'education.graduationDate': 'screening: the diploma comparison',
  },
  ScreeningDecided: {
    'reasons[].note': "registration: the verifier's note on a TMS, shown to the applicant on their timeline",
  },
  ScreeningFinalized: {
    'reasons[].note': 'registration: the note of the final TMS, shown to the applicant on their timeline',
    fullName: "skb: the seat list and the exam card, where the invigilator checks the participant's identity",
    photoDocumentId: "skb: the exam card's photo (a document id; the photo stays in registration)",
    gpa: "skb: carried on to placement's tie-break in SkbResultFinalized (skb itself does not use it)",
    dateOfBirth: "skb: carried on to placement's tie-break in SkbResultFinalized (skb itself does not use it)",
    kkDigest: "skb: carried on to interview's conflict-of-interest check in SkbResultFinalized",
  },
  SkbResultFinalized: {
    gpa: 'placement: a tie-break step (domain.md). Not used by interview or registration: to move to a placement-only event',
    dateOfBirth: 'placement: a tie-break step (domain.md). Not used by interview or registration: to move to a placement-only event',
    kkDigest: 'interview: a panelist never scores a member of their own family (a keyed digest, never the KK number)',
  },
};
