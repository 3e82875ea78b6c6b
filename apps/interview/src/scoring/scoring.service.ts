import { Injectable } from '@nestjs/common';
import { Principal } from '@seleksi/auth';
import { DataSource, EntityManager } from 'typeorm';
import { PeriodRules, PeriodsRepository } from '../periods/periods.repository';
import { RubricRow, RubricsRepository } from '../rubrics/rubrics.repository';
import { Clock } from '../shared/clock';
import { conflict, forbidden, notFound, unprocessable } from '../shared/errors';
import { ViewLogRepository } from '../shared/view-log.repository';
import { aggregate, Sheet } from './aggregation';
import { PanelistAccessPolicy } from './panelist-access';
import {
  CalibrationDto,
  CalibrationRecordedDto,
  CandidateScoringDto,
  mapOutcome,
  mapPanelistCandidate,
  mapSheet,
  PanelProgressDto,
  PanelistCandidateDto,
  SaveSheetDto,
  SheetDto,
} from './scoring.dto';
import { CandidateForScoring, ScoringRepository } from './scoring.repository';
import { sheetProblem } from './sheet-rules';

@Injectable()
export class ScoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: ScoringRepository,
    private readonly rubrics: RubricsRepository,
    private readonly periods: PeriodsRepository,
    private readonly access: PanelistAccessPolicy,
    private readonly views: ViewLogRepository,
    private readonly clock: Clock,
  ) {}

  async list(panelist: Principal): Promise<PanelistCandidateDto[]> {
    return this.dataSource.transaction(async (m) => {
      const rows = await this.scoring.candidatesOf(m, panelist.id);
      await this.logView(
        m,
        panelist.id,
        'LIST_CANDIDATES',
        null,
        rows.map((r) => r.applicationId),
      );
      return rows.map(mapPanelistCandidate);
    });
  }

  async view(panelist: Principal, panelId: string, participantNumber: string): Promise<CandidateScoringDto> {
    return this.dataSource.transaction(async (m) => {
      const { candidate, member } = await this.access.check(m, panelist.id, panelId, participantNumber);
      const row = await this.scoring.candidateView(m, candidate.applicationId);
      const [sheet] = await this.scoring.sheets(m, candidate.applicationId, [panelist.id]);
      const rubric = await this.rubricFor(m, candidate);
      const period = (await this.periods.period(m, candidate.periodId))!;
      await this.logView(m, panelist.id, 'VIEW_CANDIDATE', panelId, [candidate.applicationId]);
      const closed = candidate.status !== 'ASSIGNED';
      // Scoring stays blind: how the others scored (even whether they disagree) shows only after one's own sheet is in.
      const panel = sheet?.status === 'SUBMITTED' || closed ? await this.progress(m, candidate, rubric, period) : null;
      return {
        ...mapPanelistCandidate({ ...row, sheetStatus: sheet?.status ?? null }),
        rubric: rubric ? { label: rubric.label, scaleMin: period.scaleMin, scaleMax: period.scaleMax, criteria: rubric.criteria } : null,
        sheet: sheet ? mapSheet(sheet) : null,
        chair: member.chair,
        panel,
        result: closed ? mapOutcome(await this.scoring.outcome(m, candidate.applicationId)) : null,
      };
    });
  }

  /** Saves (replaces) the panelist's draft; a submitted sheet is locked. */
  async save(panelist: Principal, panelId: string, participantNumber: string, dto: SaveSheetDto): Promise<SheetDto> {
    return this.dataSource.transaction(async (m) => {
      const { candidate } = await this.access.check(m, panelist.id, panelId, participantNumber, { lock: true, open: true });
      const [existing] = await this.scoring.sheets(m, candidate.applicationId, [panelist.id]);
      if (existing?.status === 'SUBMITTED') throw conflict('SHEET_LOCKED', 'your sheet is submitted and can no longer change');
      const rubric = await this.rubricFor(m, candidate);
      if (!rubric) throw conflict('RUBRIC_MISSING', "the candidate's formation has no rubric yet");
      const period = (await this.periods.period(m, candidate.periodId))!;
      const problem = sheetProblem(dto.scores, rubric, period);
      if (problem) throw unprocessable(problem.code, problem.message, problem.field);
      if (!candidate.rubricId) await this.scoring.pinRubric(m, candidate.applicationId, rubric.rubricId);
      await this.scoring.saveDraft(m, {
        applicationId: candidate.applicationId,
        panelistId: panelist.id,
        panelId,
        rubricId: rubric.rubricId,
        scores: dto.scores.map((s) => ({ criterion: s.criterion, value: s.value, justification: s.justification })),
        at: this.clock.now(),
      });
      const [sheet] = await this.scoring.sheets(m, candidate.applicationId, [panelist.id]);
      return mapSheet(sheet);
    });
  }

  async submit(panelist: Principal, panelId: string, participantNumber: string): Promise<SheetDto> {
    return this.dataSource.transaction(async (m) => {
      const { candidate } = await this.access.check(m, panelist.id, panelId, participantNumber, { lock: true, open: true });
      const [sheet] = await this.scoring.sheets(m, candidate.applicationId, [panelist.id]);
      if (!sheet) throw conflict('SHEET_EMPTY', 'save your scores before submitting');
      if (sheet.status === 'SUBMITTED') throw conflict('SHEET_LOCKED', 'your sheet is already submitted');
      await this.scoring.submit(m, candidate.applicationId, panelist.id, this.clock.now());
      return { ...mapSheet(sheet), status: 'SUBMITTED' };
    });
  }

  /** Others' sheets, only after one's own is submitted: scoring stays independent. */
  async panelSheets(panelist: Principal, panelId: string, participantNumber: string): Promise<SheetDto[]> {
    return this.dataSource.transaction(async (m) => {
      const { candidate } = await this.access.check(m, panelist.id, panelId, participantNumber);
      const [own] = await this.scoring.sheets(m, candidate.applicationId, [panelist.id]);
      if (own?.status !== 'SUBMITTED') throw forbidden('SCORES_HIDDEN_UNTIL_SUBMITTED', "submit your own sheet before seeing the panel's scores");
      const members = await this.scoring.scoringMembers(m, panelId, candidate.applicationId);
      const sheets = await this.scoring.sheets(
        m,
        candidate.applicationId,
        members.map((x) => x.panelistId),
      );
      await this.logView(m, panelist.id, 'VIEW_PANEL_SCORES', panelId, [candidate.applicationId]);
      return sheets.filter((s) => s.status === 'SUBMITTED').map(mapSheet);
    });
  }

  /** The chair's calibration note; it may reopen one panelist's submitted sheet, once per candidate. */
  async calibrate(chair: Principal, panelId: string, participantNumber: string, dto: CalibrationDto): Promise<CalibrationRecordedDto> {
    return this.dataSource.transaction(async (m) => {
      const { candidate } = await this.access.check(m, chair.id, panelId, participantNumber, { lock: true, open: true, chair: true });
      if (dto.reopenPanelistId) {
        if (candidate.reopenUsed) throw conflict('REOPEN_ALREADY_USED', "a panelist's sheet was already reopened for this candidate", 'reopenPanelistId');
        const [sheet] = await this.scoring.sheets(m, candidate.applicationId, [dto.reopenPanelistId]);
        if (!sheet || sheet.status !== 'SUBMITTED')
          throw notFound('SHEET_NOT_SUBMITTED', 'that panelist has no submitted sheet for this candidate', 'reopenPanelistId');
        await this.scoring.reopen(m, candidate.applicationId, dto.reopenPanelistId);
      }
      await this.scoring.recordCalibration(m, candidate.applicationId, dto.note, chair.id, !!dto.reopenPanelistId);
      return { note: dto.note, reopenedPanelistId: dto.reopenPanelistId ?? null };
    });
  }

  /** How many counted sheets are in and, once all are, which criteria the panel disagrees on beyond the period threshold. */
  private async progress(m: EntityManager, candidate: CandidateForScoring, rubric: RubricRow | undefined, period: PeriodRules): Promise<PanelProgressDto> {
    const members = await this.scoring.scoringMembers(m, candidate.panelId, candidate.applicationId);
    const sheets = await this.scoring.sheets(
      m,
      candidate.applicationId,
      members.map((x) => x.panelistId),
    );
    const submitted = sheets.filter((s) => s.status === 'SUBMITTED' && (!rubric || s.rubricId === rubric.rubricId));
    let disputed: string[] = [];
    if (rubric && submitted.length > 0 && submitted.length === members.length) {
      const agg = aggregate(
        rubric.criteria.map((c) => ({ key: c.key, weight: c.weight })),
        submitted.map((s) => Object.fromEntries(s.scores.map((x) => [x.criterion, x.value])) as Sheet),
        period,
      );
      disputed = agg.criteria.filter((c) => c.spread > period.calibrationThreshold).map((c) => c.criterion);
    }
    return {
      members: members.length,
      submitted: submitted.length,
      calibrationThreshold: period.calibrationThreshold,
      calibrationRequired: disputed.length > 0,
      disputedCriteria: disputed,
      calibrationNote: candidate.calibrationNote,
      reopenUsed: candidate.reopenUsed,
    };
  }

  private async rubricFor(m: EntityManager, candidate: CandidateForScoring): Promise<RubricRow | undefined> {
    return candidate.rubricId ? this.rubrics.byId(m, candidate.rubricId) : this.rubrics.effective(m, candidate.formationId);
  }

  private async logView(m: EntityManager, panelistId: string, action: string, panelId: string | null, applicationIds: string[]): Promise<void> {
    await this.views.record(m, { viewerId: panelistId, viewerRole: 'panelist', action, panelId, applicationIds, at: this.clock.now() });
  }
}
