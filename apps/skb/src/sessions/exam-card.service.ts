import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { PeriodsService } from '../periods/periods.service';
import { renderExamCard } from './exam-card.pdf';
import { SessionsRepository } from './sessions.repository';

@Injectable()
export class ExamCardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly sessions: SessionsRepository,
  ) {}

  /** No card before publication, and another applicant's card does not exist for the caller: both 404. */
  async cardOf(applicantId: string, periodId: string): Promise<Buffer> {
    const manager = this.dataSource.manager;
    const seat = await this.sessions.publishedSeatOf(manager, applicantId, periodId);
    if (!seat) throw new DomainError('CARD_NOT_AVAILABLE', 'periodId: no published SKB seat of yours in this period', HttpStatus.NOT_FOUND, 'periodId');
    const period = await this.periods.require(manager, periodId);
    return renderExamCard(seat, period.timeZone);
  }
}
