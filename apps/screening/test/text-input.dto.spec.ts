import { validated, describeRequiredText } from '@seleksi/testing';
import { FileAppealDto, ResolveAppealDto } from '../src/appeals/appeals.dto';
import { DecisionDto } from '../src/cases/cases.dto';
import { ReassignCaseDto, RegisterVerifierDto } from '../src/verifiers/verifiers.dto';

describe('screening DTOs: free text is trimmed and never whitespace alone', () => {
  describeRequiredText([
    ['appeal text', FileAppealDto, { text: 'Ijazah saya terbaca jelas di halaman 2.' }, 'text'],
    ['appeal answer', ResolveAppealDto, { resolution: 'UPHELD', reason: 'ijazah terbaca setelah diperiksa ulang' }, 'reason'],
    ['verifier name', RegisterVerifierDto, { accountId: '00000000-0000-4000-8000-000000000001', name: 'Budi Santoso', kkNumber: '3273012345678901' }, 'name'],
  ]);

  it.each([
    ['a TMS note', DecisionDto, { result: 'TMS', reasonCodes: ['OTHER'] }, 'note'],
    ['a reassignment reason', ReassignCaseDto, { verifierId: '00000000-0000-4000-8000-000000000001' }, 'reason'],
  ] as [string, new () => object, Record<string, unknown>, string][])(
    'treats whitespace alone in %s as not given, and trims the rest',
    async (_, dto, body, field) => {
      expect(await validated(dto, { ...body, [field]: '   ' })).not.toHaveProperty(field, expect.anything());
      expect(await validated(dto, { ...body, [field]: ' nama berbeda ' })).toHaveProperty(field, 'nama berbeda');
    },
  );
});
