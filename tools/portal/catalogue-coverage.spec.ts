import { join } from 'node:path';
import en from '../../apps/portal/src/i18n/en.json';
import id from '../../apps/portal/src/i18n/id.json';
import { applicantErrorCodes, panelistErrorCodes, staffErrorCodes } from './applicant-error-codes';
import { keysUsedByPages } from './source-keys';

const root = join(__dirname, '../..');

describe('the portal catalogues cover what the pages and the APIs can say', () => {
  const codes = applicantErrorCodes(root);

  it('finds the codes of the applicant routes in the services (the scan itself works)', () => {
    // Codes every applicant meets: sign-in, sign-up, submit, the shared validation and busy answers.
    for (const known of [
      'INVALID_CREDENTIALS',
      'NIK_TAKEN',
      'APPLICATION_INCOMPLETE',
      'APPEAL_WINDOW_CLOSED',
      'VALIDATION_FAILED',
      'SERVICE_BUSY',
      'AUTH_TOKEN_INVALID',
    ]) {
      expect(codes).toContain(known);
    }
  });

  it.each([
    ['id', id],
    ['en', en],
  ])('has a %s message for every error code an applicant route can return', (_lang, catalogue) => {
    expect(codes.filter((code) => !(`error.${code}` in catalogue))).toEqual([]);
  });

  it.each([
    ['id', id],
    ['en', en],
  ])('has a %s message for every error code a panelist route can return (the panelist pages)', (_lang, catalogue) => {
    const panelist = panelistErrorCodes(root);
    for (const known of ['SCORES_HIDDEN_UNTIL_SUBMITTED', 'CALIBRATION_REQUIRED', 'ABSENT_REASON_REQUIRED', 'SHEET_LOCKED']) expect(panelist).toContain(known);
    expect(panelist.filter((code) => !(`error.${code}` in catalogue))).toEqual([]);
  });

  it.each([
    ['id', id],
    ['en', en],
  ])("has a %s message for every error code the placement officer's routes can return", (_lang, catalogue) => {
    const placement = staffErrorCodes(root, 'placement', 'placement-officer');
    expect(placement).toEqual(expect.arrayContaining(['SECOND_OFFICER_REQUIRED', 'OVERRIDE_PENDING_APPROVAL', 'RANKINGS_NOT_COMPUTED']));
    expect(placement.filter((code) => !(`error.${code}` in catalogue))).toEqual([]);
  });

  it('has every key the pages ask for', () => {
    const used = keysUsedByPages(join(root, 'apps/portal/src'));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((key) => !(key in id))).toEqual([]);
  });
});
