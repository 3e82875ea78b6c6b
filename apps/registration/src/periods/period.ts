import { AgencyTimeZone, InterviewRules, PeriodOpened, PlacementRules, SkbRules, StageWeights } from '@seleksi/contracts';

export type PeriodStatus = 'draft' | 'open' | 'closed';

/** The rules later stages read; registration keeps them as one document and publishes them on opening. */
export interface PeriodRules {
  stageWeights: StageWeights;
  tieBreakChain: string[];
  skb: SkbRules;
  interview: InterviewRules;
  placement: PlacementRules;
}

export interface Period {
  id: string;
  code: string;
  name: string;
  agencyName: string;
  timeZone: AgencyTimeZone;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  ageReferenceDate: string;
  appealFilingDays: number;
  appealAnsweringDays: number;
  ruleVersion: string;
  rules: PeriodRules;
  status: PeriodStatus;
}

export interface RuleProblem {
  field: string;
  code: string;
  message: string;
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

/** What field validation cannot see: rules that only make sense together. */
export function periodRuleProblems(period: Omit<Period, 'id' | 'status'>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ field, code, message });
  if (period.registrationClosesAt <= period.registrationOpensAt) {
    add('registrationClosesAt', 'WINDOW_INVALID', 'registrationClosesAt must be after registrationOpensAt');
  }
  const reference = new Date(`${period.ageReferenceDate}T00:00:00Z`);
  if (Number.isNaN(reference.getTime()) || reference.toISOString().slice(0, 10) !== period.ageReferenceDate) {
    add('ageReferenceDate', 'DATE_INVALID', 'ageReferenceDate is not a real date');
  }
  const { stageWeights, skb, interview } = period.rules;
  if (sum([stageWeights.skb, stageWeights.interview]) !== 100) {
    add('stageWeights', 'WEIGHTS_NOT_100', `stage weights must add up to 100, got ${sum([stageWeights.skb, stageWeights.interview])}`);
  }
  if (sum(skb.components.map((c) => c.weight)) !== 100) {
    add('skb.components', 'WEIGHTS_NOT_100', `SKB component weights must add up to 100, got ${sum(skb.components.map((c) => c.weight))}`);
  }
  const names = skb.components.map((c) => c.component);
  if (new Set(names).size !== names.length) add('skb.components', 'COMPONENT_DUPLICATE', 'each SKB component may appear once');
  skb.components.forEach((c, i) => {
    if (c.passingGrade > c.maxScore) {
      add(`skb.components.${i}.passingGrade`, 'PASSING_GRADE_ABOVE_MAX', `the passing grade of ${c.component} exceeds its maximum score`);
    }
  });
  if (interview.scaleMax <= interview.scaleMin) add('interview.scaleMax', 'SCALE_INVALID', 'interview.scaleMax must exceed scaleMin');
  return problems;
}

export function periodOpenedPayload(period: Period): PeriodOpened {
  return {
    periodId: period.id,
    ruleVersion: period.ruleVersion,
    agencyName: period.agencyName,
    timeZone: period.timeZone,
    registrationOpensAt: period.registrationOpensAt.toISOString(),
    registrationClosesAt: period.registrationClosesAt.toISOString(),
    ageReferenceDate: period.ageReferenceDate,
    appealFilingDays: period.appealFilingDays,
    appealAnsweringDays: period.appealAnsweringDays,
    stageWeights: period.rules.stageWeights,
    tieBreakChain: period.rules.tieBreakChain,
    skb: period.rules.skb,
    interview: period.rules.interview,
    placement: period.rules.placement,
  };
}
