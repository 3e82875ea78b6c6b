import { describeRequiredText } from '@seleksi/testing';
import { OverrideRequestDto } from '../src/allocation/allocation.dto';
import { DeclineRequestDto } from '../src/outcomes/outcome.dto';

describe('placement DTOs: free text is trimmed and never whitespace alone', () => {
  describeRequiredText([
    ['override reason', OverrideRequestDto, { applicationId: '00000000-0000-4000-8000-000000000001', reason: 'putusan PPK' }, 'reason'],
    ['decline reason', DeclineRequestDto, { reason: 'diterima di instansi lain' }, 'reason'],
  ]);
});
