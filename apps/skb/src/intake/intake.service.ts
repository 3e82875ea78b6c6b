import { Injectable } from '@nestjs/common';
import { FormationPublished, ScreeningFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { IntakeRepository } from './intake.repository';

@Injectable()
export class IntakeService {
  constructor(private readonly intake: IntakeRepository) {}

  /** Stores the formation (its quota decides who proceeds) and numbers participants that arrived before it. */
  async formationPublished(manager: EntityManager, f: FormationPublished): Promise<void> {
    await this.intake.lockFormation(manager, f.formationId);
    await this.intake.upsertFormation(manager, f);
    await this.intake.numberPending(manager, f.formationId);
  }

  /** Only a final MS makes a participant, and only once (the primary key is the application). */
  async screeningFinalized(manager: EntityManager, s: ScreeningFinalized): Promise<void> {
    if (s.result !== 'MS') return;
    await this.intake.lockFormation(manager, s.formationId);
    if (await this.intake.addParticipant(manager, s)) await this.intake.numberPending(manager, s.formationId);
  }
}
