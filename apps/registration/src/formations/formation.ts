import { FormationPublished, FormationRequirements } from '@seleksi/contracts';

export interface Formation {
  id: string;
  periodId: string;
  code: string;
  position: string;
  unit: string;
  formationType: string;
  quota: number;
  requirements: FormationRequirements;
}

export function formationPublishedPayload(formation: Formation, ruleVersion: string): FormationPublished {
  return {
    periodId: formation.periodId,
    ruleVersion,
    formationId: formation.id,
    code: formation.code,
    position: formation.position,
    unit: formation.unit,
    formationType: formation.formationType,
    quota: formation.quota,
    requirements: formation.requirements,
  };
}
