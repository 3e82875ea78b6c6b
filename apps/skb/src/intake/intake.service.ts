import { Injectable } from '@nestjs/common';
import { FormationPublished, FormationQuotaChanged, ScreeningFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';
import { IntakeRepository } from './intake.repository';

@Injectable()
export class IntakeService {
  constructor(private readonly intake: IntakeRepository) {}

  /** Stores the formation (its quota decides who proceeds) and numbers participants that arrived before it. */
  formationQuotaChanged(manager: EntityManager, change: FormationQuotaChanged): Promise<void> {
    return this.intake.changeQuota(manager, change.formationId, change.quota);
  }

  async formationPublished(manager: EntityManager, f: FormationPublished): Promise<void> {
    await this.intake.lockFormation(manager, f.formationId);
    await this.intake.upsertFormation(manager, f);
    await this.intake.numberPending(manager, f.formationId);
  }

  /**
   * Only a final MS makes a participant, and only once (the primary key is the application). The
   * batch form: the chunk's MS results in one insert. Formations are locked in id order (two
   * consumers locking the same formations never wait for each other in a cycle), and each formation
   * that gained participants is numbered once, in the order the results arrived.
   */
  async screeningsFinalized(manager: EntityManager, results: ScreeningFinalized[]): Promise<void> {
    const passed = results.filter((s) => s.result === 'MS');
    if (passed.length === 0) return;
    for (const formationId of [...new Set(passed.map((s) => s.formationId))].sort()) await this.intake.lockFormation(manager, formationId);
    const added = await this.intake.addParticipants(manager, passed);
    for (const formationId of new Set(added.map((s) => s.formationId))) await this.intake.numberPending(manager, formationId);
  }
}
