import { ApiProperty } from '@nestjs/swagger';
import { OPTIMALISASI_SCOPES, TIE_BREAKERS } from '@seleksi/contracts';
import { PeriodFormationProgress, PeriodProgress, PeriodRules } from './period.repository';

export class StageWeightsDto {
  @ApiProperty() skb!: number;
  @ApiProperty() interview!: number;
}

/** A period as placement holds it: the rules PeriodOpened froze, and when each long operation last ended. */
export class PlacementPeriodDto {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() ruleVersion!: string;
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'] }) timeZone!: string;
  @ApiProperty({ type: StageWeightsDto }) stageWeights!: StageWeightsDto;
  @ApiProperty({ enum: TIE_BREAKERS, isArray: true, description: 'the tie-break chain after the final score, in order' }) tieBreakChain!: string[];
  @ApiProperty({ enum: OPTIMALISASI_SCOPES }) optimalisasiScope!: string;
  @ApiProperty() overrideNeedsSecondApproval!: boolean;
  @ApiProperty({ description: "YYYY-MM-DD in the agency's zone" }) reportingDate!: string;
  @ApiProperty({ nullable: true, type: String, description: 'when the rankings were last computed' }) rankedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the open proposal was made (cleared by a recompute)' }) proposedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) announcedAt!: string | null;
}

export class PeriodFormationDto {
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() position!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() quota!: number;
  @ApiProperty({ type: [String] }) educationLevels!: string[];
  @ApiProperty({ nullable: true, type: String }) rankedAt!: string | null;
  @ApiProperty() ranked!: number;
  @ApiProperty() notRanked!: number;
}

/** The outcome of each long operation, counted from what is stored. */
export class PeriodCountsDto {
  @ApiProperty({ description: 'formations with a computed ranking' }) rankedFormations!: number;
  @ApiProperty() ranked!: number;
  @ApiProperty() notRanked!: number;
  @ApiProperty({ description: 'candidates in an exact tie after the whole chain' }) exactTies!: number;
  @ApiProperty({ description: 'placements proposed and not yet confirmed' }) proposed!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty() declined!: number;
  @ApiProperty({ description: 'current placements (proposed or confirmed) of each kind' }) regular!: number;
  @ApiProperty() optimalisasi!: number;
  @ApiProperty() override!: number;
  @ApiProperty() replacement!: number;
  @ApiProperty({ description: "overrides waiting for a second officer's approval" }) pendingOverrides!: number;
}

export class PlacementPeriodDetailDto extends PlacementPeriodDto {
  @ApiProperty({ type: [PeriodFormationDto] }) formations!: PeriodFormationDto[];
  @ApiProperty({ type: PeriodCountsDto }) counts!: PeriodCountsDto;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function mapPeriod(p: PeriodRules, rankedAt: Date | null): PlacementPeriodDto {
  return {
    periodId: p.periodId,
    ruleVersion: p.ruleVersion,
    timeZone: p.timeZone,
    stageWeights: { skb: p.stageWeights.skb, interview: p.stageWeights.interview },
    tieBreakChain: p.tieBreakChain,
    optimalisasiScope: p.optimalisasiScope,
    overrideNeedsSecondApproval: p.overrideNeedsSecondApproval,
    reportingDate: p.reportingDate,
    rankedAt: iso(rankedAt),
    proposedAt: iso(p.proposedAt),
    confirmedAt: iso(p.confirmedAt),
    announcedAt: iso(p.announcedAt),
  };
}

export function mapPeriodDetail(p: PeriodRules, progress: PeriodProgress, formations: PeriodFormationProgress[]): PlacementPeriodDetailDto {
  const { rankedAt, ...counts } = progress;
  return {
    ...mapPeriod(p, rankedAt),
    formations: formations.map((f) => ({ ...f, rankedAt: iso(f.rankedAt) })),
    counts,
  };
}
