import { describeRequiredText } from '@seleksi/testing';
import { SignUpDto } from '../src/accounts/accounts.dto';
import { EducationDto } from '../src/applications/applications.dto';
import { FormationDto, QuotaChangeDto } from '../src/formations/formations.dto';
import { CreatePeriodDto, SkbComponentDto } from '../src/periods/periods.dto';

const signUp = {
  nik: '3273014412980001',
  kkNumber: '3273010101090012',
  fullName: 'Siti Rahmawati',
  placeOfBirth: 'Bandung',
  dateOfBirth: '1998-12-04',
  gender: 'F',
  email: 'siti@example.id',
  phone: '0812-3456-7890',
  password: 'rahasia-2026',
};
const education = {
  level: 'S1',
  institution: 'Universitas Padjadjaran',
  major: 'Teknik Informatika',
  accreditation: 'A',
  gpa: 3.41,
  graduationDate: '2021-08-28',
};
const period = {
  code: 'PEMKOT-2026',
  name: 'Seleksi Tenaga IT 2026',
  agencyName: 'BKPSDM Kota Contoh',
  timeZone: 'WIB',
  registrationOpensAt: '2026-12-01T08:00:00+07:00',
  registrationClosesAt: '2026-12-15T23:59:59+07:00',
  ageReferenceDate: '2026-12-15',
  ruleVersion: 'pemkot-2026.1',
  placement: { reportingDate: '2027-03-01' },
};
const formation = {
  code: 'PK-AP',
  position: 'Pranata Komputer Ahli Pertama',
  unit: 'Command Center',
  formationType: 'general',
  quota: 4,
  requirements: { educationLevels: ['S1'], acceptedMajors: ['Teknik Informatika'], minimumGpa: 3 },
};
const component = { component: 'cat', label: 'CAT', source: 'IMPORT', weight: 60, maxScore: 500, passingGrade: 250 };

describe('registration DTOs: free text is trimmed and never whitespace alone', () => {
  describeRequiredText([
    ['sign-up full name', SignUpDto, signUp, 'fullName'],
    ['sign-up place of birth', SignUpDto, signUp, 'placeOfBirth'],
    ['education institution', EducationDto, education, 'institution'],
    ['education major', EducationDto, education, 'major'],
    ['period name', CreatePeriodDto, period, 'name'],
    ['period agency name', CreatePeriodDto, period, 'agencyName'],
    ['SKB component label', SkbComponentDto, component, 'label'],
    ['formation position', FormationDto, formation, 'position'],
    ['formation unit', FormationDto, formation, 'unit'],
    ['quota change reason', QuotaChangeDto, { quota: 5, reason: 'tambahan formasi' }, 'reason'],
  ]);
});
