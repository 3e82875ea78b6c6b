import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict, forbidden, notFound } from '../shared/errors';
import { CandidateForScoring, PanelMembership, ScoringRepository } from './scoring.repository';

export interface PanelistAccess {
  member: PanelMembership;
  candidate: CandidateForScoring;
}

/**
 * Who may act on a candidate as a panelist: a member of the candidate's current panel who is not
 * recused for them. Non-members get 403 before learning whether the participant number exists.
 */
@Injectable()
export class PanelistAccessPolicy {
  constructor(private readonly scoring: ScoringRepository) {}

  async check(
    manager: EntityManager,
    panelistId: string,
    panelId: string,
    participantNumber: string,
    options: { lock?: boolean; allowRecused?: boolean; chair?: boolean; open?: boolean } = {},
  ): Promise<PanelistAccess> {
    const member = await this.scoring.membership(manager, panelId, panelistId);
    if (!member) throw forbidden('NOT_PANEL_MEMBER', 'you are not a member of this panel');
    if (options.chair && !member.chair) throw forbidden('NOT_PANEL_CHAIR', 'only the chair of the panel may do this');
    const candidate = await this.scoring.candidate(manager, panelId, participantNumber, options.lock);
    if (!candidate) throw notFound('CANDIDATE_NOT_FOUND', 'no candidate with this participant number on this panel', 'participantNumber');
    if (!options.allowRecused && (await this.scoring.isRecused(manager, candidate.applicationId, panelistId))) {
      throw forbidden('PANELIST_RECUSED', 'you are recused from this candidate');
    }
    if (options.open && candidate.status !== 'ASSIGNED') throw conflict('INTERVIEW_FINALIZED', `the interview is already ${candidate.status}`);
    return { member, candidate };
  }
}
