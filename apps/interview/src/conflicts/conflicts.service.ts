import { Injectable } from '@nestjs/common';
import { Principal } from '@seleksi/auth';
import { DataSource } from 'typeorm';
import { CandidatePlacementService } from '../panels/candidate-placement.service';
import { PanelistAccessPolicy } from '../scoring/panelist-access';
import { ScoringRepository } from '../scoring/scoring.repository';
import { Clock } from '../shared/clock';
import { conflict } from '../shared/errors';
import { ConflictDeclaredDto, DeclareConflictDto } from './conflicts.dto';
import { ConflictsRepository } from './conflicts.repository';

@Injectable()
export class ConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conflicts: ConflictsRepository,
    private readonly scoring: ScoringRepository,
    private readonly access: PanelistAccessPolicy,
    private readonly placement: CandidatePlacementService,
    private readonly clock: Clock,
  ) {}

  /**
   * A declared conflict recuses the panelist at once (any sheet of theirs stops counting). If the panel
   * is then below the period's minimum, the candidate moves per CandidatePlacementService's rule.
   */
  async declare(panelist: Principal, panelId: string, participantNumber: string, dto: DeclareConflictDto): Promise<ConflictDeclaredDto> {
    return this.dataSource.transaction(async (m) => {
      const { candidate } = await this.access.check(m, panelist.id, panelId, participantNumber, { lock: true, open: true, allowRecused: true });
      if (await this.scoring.isRecused(m, candidate.applicationId, panelist.id))
        throw conflict('ALREADY_RECUSED', 'you are already recused from this candidate');
      await this.conflicts.declare(m, candidate.applicationId, panelist.id, dto.reason, this.clock.now());
      const outcome = await this.placement.ensureQuorum(m, [candidate.applicationId]);
      return { recused: true, candidateMoved: outcome.moved.length > 0, candidateUnplaced: outcome.unplaced.length > 0 };
    });
  }
}
