import { DomainError } from '@seleksi/messaging';
import { decisionReasons } from './decide-cases.usecase';

describe(decisionReasons.name, () => {
  it.each([
    ['refuses a TMS without a reason', 'TMS', [], undefined, 'TMS_REASON_REQUIRED'],
    ['refuses a TMS with no reason list at all', 'TMS', undefined, undefined, 'TMS_REASON_REQUIRED'],
    ['refuses a code outside the catalogue', 'TMS', ['GPA_BELOW_MINIMUM', 'TOO_LATE'], undefined, 'UNKNOWN_REASON_CODE'],
    ['refuses OTHER without a note', 'TMS', ['OTHER'], '  ', 'NOTE_REQUIRED'],
    ['refuses reasons on an MS', 'MS', ['GPA_BELOW_MINIMUM'], undefined, 'MS_TAKES_NO_REASONS'],
  ] as const)('%s', (_what, result, codes, note, code) => {
    expect(() => decisionReasons(result, codes as string[] | undefined, note)).toThrow(expect.objectContaining({ code }) as unknown as DomainError);
  });

  it.each([
    ['gives an MS no reasons', 'MS', [], undefined, []],
    ['labels each TMS reason in Indonesian', 'TMS', ['GPA_BELOW_MINIMUM'], undefined, [{ code: 'GPA_BELOW_MINIMUM', label: 'IPK di bawah batas minimal' }]],
    [
      'carries the trimmed note on each reason',
      'TMS',
      ['OTHER', 'NAME_MISMATCH'],
      ' nama berbeda ',
      [
        { code: 'OTHER', label: 'Alasan lain (lihat catatan verifikator)', note: 'nama berbeda' },
        { code: 'NAME_MISMATCH', label: 'Nama pada KTP dan ijazah tidak sama', note: 'nama berbeda' },
      ],
    ],
  ] as const)('%s', (_what, result, codes, note, expected) => {
    expect(decisionReasons(result, [...codes], note)).toEqual(expected);
  });
});
