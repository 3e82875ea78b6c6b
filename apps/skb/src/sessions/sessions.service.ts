import { AgencyTimeZone, localToInstant } from '@seleksi/contracts';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { formatLocalTime } from '@seleksi/time';
import { DataSource } from 'typeorm';
import { SkbPeriod } from '../periods/periods.repository';
import { PeriodsService } from '../periods/periods.service';
import { CreateSessionDto, CreateVenueDto, SeatResponse, SessionResponse, VenueResponse } from './sessions.dto';
import { SeatView, SessionRow, SessionsRepository } from './sessions.repository';

export function mapSeat(s: SeatView, timeZone: AgencyTimeZone): SeatResponse {
  return {
    participantNumber: s.participantNumber,
    fullName: s.fullName,
    formationCode: s.formationCode,
    session: s.session,
    startsAt: s.startsAt.toISOString(),
    startsAtLocal: formatLocalTime(s.startsAt, timeZone, 'en'),
    venue: s.venue,
    room: s.room,
    seatNumber: s.seatNumber,
    extraMinutes: s.extraMinutes,
  };
}

function mapSession(s: SessionRow, timeZone: AgencyTimeZone): SessionResponse {
  return {
    sessionId: s.sessionId,
    name: s.name,
    startsAt: s.startsAt.toISOString(),
    startsAtLocal: formatLocalTime(s.startsAt, timeZone, 'en'),
    durationMinutes: s.durationMinutes,
  };
}

export function requireUnpublished(period: SkbPeriod): void {
  if (period.allocationPublishedAt) {
    throw new DomainError(
      'ALLOCATION_PUBLISHED',
      'periodId: the seat allocation is published; venues, sessions and seats are fixed',
      HttpStatus.CONFLICT,
      'periodId',
    );
  }
}

/** Venues with rooms and sessions, the places and times seats are made of. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('SessionsService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly sessions: SessionsRepository,
  ) {}

  async addVenue(periodId: string, dto: CreateVenueDto): Promise<VenueResponse> {
    const names = dto.rooms.map((r) => r.name);
    if (new Set(names).size !== names.length)
      throw new DomainError('DUPLICATE_ROOM', 'rooms: room names must differ within a venue', HttpStatus.UNPROCESSABLE_ENTITY, 'rooms');
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.require(manager, periodId, true);
      requireUnpublished(period);
      if (await this.sessions.venueNameTaken(manager, periodId, dto.name)) {
        throw new DomainError('VENUE_EXISTS', `name: venue "${dto.name}" already exists in this period`, HttpStatus.CONFLICT, 'name');
      }
      return this.sessions.addVenue(manager, periodId, dto);
    });
  }

  async addSession(periodId: string, dto: CreateSessionDto): Promise<SessionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.require(manager, periodId, true);
      requireUnpublished(period);
      if (await this.sessions.sessionNameTaken(manager, periodId, dto.name)) {
        throw new DomainError('SESSION_EXISTS', `name: session "${dto.name}" already exists in this period`, HttpStatus.CONFLICT, 'name');
      }
      const startsAt = localToInstant(dto.date, dto.startTime, period.timeZone);
      if (Number.isNaN(startsAt.getTime()))
        throw new DomainError('INVALID_DATE', `date: ${dto.date} is not a calendar day`, HttpStatus.UNPROCESSABLE_ENTITY, 'date');
      const s = await this.sessions.addSession(manager, periodId, { name: dto.name, startsAt, durationMinutes: dto.durationMinutes });
      return mapSession(s, period.timeZone);
    });
  }

  async venues(periodId: string): Promise<VenueResponse[]> {
    const manager = this.dataSource.manager;
    await this.periods.require(manager, periodId);
    return (await this.sessions.venues(manager, periodId)).map((v) => ({
      venueId: v.venueId,
      name: v.name,
      address: v.address,
      rooms: v.rooms.map((r) => ({ name: r.name, capacity: r.capacity })),
    }));
  }

  async sessionsOf(periodId: string): Promise<SessionResponse[]> {
    const manager = this.dataSource.manager;
    const period = await this.periods.require(manager, periodId);
    return (await this.sessions.sessionsOf(manager, periodId)).map((s) => mapSession(s, period.timeZone));
  }

  /** Names and seats of participants: personal data, so every staff view is logged with who looked. */
  async seatPlan(viewerId: string, periodId: string, limit = 1000, offset = 0): Promise<SeatResponse[]> {
    const manager = this.dataSource.manager;
    const period = await this.periods.require(manager, periodId);
    this.logger.log(`staff ${viewerId} viewed the seat plan of period ${periodId} (offset ${offset}, limit ${limit})`);
    return (await this.sessions.seatPlan(manager, periodId, limit, offset)).map((s) => mapSeat(s, period.timeZone));
  }
}
