import { join } from 'node:path';
import en from '../../apps/portal/src/i18n/en.json';
import id from '../../apps/portal/src/i18n/id.json';
import { roleErrorCodes } from './applicant-error-codes';

/** The SKB officer's pages show every refusal of skb's routes with a catalogue message, in both languages. */
describe("the SKB officer's error codes", () => {
  const codes = roleErrorCodes(join(__dirname, '../..'), 'skb', 'skb-officer');

  it("finds the codes of skb's officer routes (the scan itself works)", () => {
    for (const known of ['CSV_REJECTED', 'INSUFFICIENT_CAPACITY', 'SCORES_INCOMPLETE', 'ALLOCATION_PUBLISHED', 'NO_IMPORT_YET', 'RESULTS_NOT_FINAL']) {
      expect(codes).toContain(known);
    }
  });

  it.each([
    ['id', id],
    ['en', en],
  ])('has a %s message for each of them', (_lang, catalogue) => {
    expect(codes.filter((code) => !(`error.${code}` in catalogue))).toEqual([]);
  });
});
