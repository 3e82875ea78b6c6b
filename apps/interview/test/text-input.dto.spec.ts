import { describeRequiredText } from '@seleksi/testing';
import { DeclareConflictDto } from '../src/conflicts/conflicts.dto';
import { CreatePanelDto, PanelMemberInput } from '../src/panels/panels.dto';
import { AnchorInput, CreatePositionRubricDto, CriterionInput } from '../src/rubrics/rubrics.dto';
import { SlotInput } from '../src/scheduling/scheduling.dto';
import { CalibrationDto, ScoreInput } from '../src/scoring/scoring.dto';

const member = { panelistId: '00000000-0000-4000-8000-000000000001', displayName: 'Dr. Rina Hartono', kkNumber: '3273010101010001', chair: true };
const criterion = { key: 'komunikasi', label: 'Komunikasi', weight: 40, anchors: [{ level: 3, description: 'Jelas' }] };

describe('interview DTOs: free text is trimmed and never whitespace alone', () => {
  describeRequiredText([
    ['slot place', SlotInput, { startsAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-01T02:30:00.000Z', place: 'Command Center, Lt. 2' }, 'place'],
    ['panel name', CreatePanelDto, { periodId: '00000000-0000-4000-8000-000000000001', name: 'Panel A', members: [member] }, 'name'],
    ['panel member name', PanelMemberInput, member, 'displayName'],
    ['rubric anchor', AnchorInput, { level: 3, description: 'Menjelaskan dengan jelas' }, 'description'],
    ['rubric criterion label', CriterionInput, criterion, 'label'],
    ['position rubric position', CreatePositionRubricDto, { criteria: [criterion], position: 'Pranata Komputer Ahli Pertama' }, 'position'],
    ['score justification', ScoreInput, { criterion: 'komunikasi', value: 4, justification: 'Runtut dan jelas.' }, 'justification'],
    ['calibration note', CalibrationDto, { note: 'Panel sepakat.' }, 'note'],
    ['conflict reason', DeclareConflictDto, { reason: 'Mantan mahasiswa saya.' }, 'reason'],
  ]);
});
