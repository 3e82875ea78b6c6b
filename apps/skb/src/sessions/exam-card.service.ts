import { AgencyTimeZone } from '@seleksi/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { PeriodsService } from '../periods/periods.service';
import { renderExamCard } from './exam-card.pdf';
import { ExamCardResponse } from './sessions.dto';
import { SeatView, SessionsRepository } from './sessions.repository';

@Injectable()
export class ExamCardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly sessions: SessionsRepository,
  ) {}

  /** No card before publication, and another applicant's card does not exist for the caller: both 404. */
  async cardOf(applicantId: string, periodId: string): Promise<Buffer> {
    const { seat, timeZone } = await this.publishedSeat(applicantId, periodId);
    return renderExamCard(seat, timeZone);
  }

  /** The same card as data, for the portal's page. */
  async cardDataOf(applicantId: string, periodId: string): Promise<ExamCardResponse> {
    const { seat, timeZone } = await this.publishedSeat(applicantId, periodId);
    return {
      participantNumber: seat.participantNumber,
      fullName: seat.fullName,
      formationCode: seat.formationCode,
      position: seat.position,
      session: seat.session,
      startsAt: seat.startsAt.toISOString(),
      endsAt: new Date(seat.startsAt.getTime() + (seat.durationMinutes + seat.extraMinutes) * 60_000).toISOString(),
      extraMinutes: seat.extraMinutes,
      venue: seat.venue,
      address: seat.address,
      room: seat.room,
      seatNumber: seat.seatNumber,
      timeZone,
    };
  }

  private async publishedSeat(applicantId: string, periodId: string): Promise<{ seat: SeatView; timeZone: AgencyTimeZone }> {
    const manager = this.dataSource.manager;
    const seat = await this.sessions.publishedSeatOf(manager, applicantId, periodId);
    if (!seat) throw new DomainError('CARD_NOT_AVAILABLE', 'periodId: no published SKB seat of yours in this period', HttpStatus.NOT_FOUND, 'periodId');
    const period = await this.periods.require(manager, periodId);
    return { seat, timeZone: period.timeZone };
  }
}
