import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationsRepository } from '../applications/applications.repository';
import { applicationNotFound } from '../applications/applications.service';
import { PeriodsRepository } from '../periods/periods.repository';
import { buildTimeline, eventNameOfType, Timeline } from './timeline';
import { TimelineRepository } from './timeline.repository';

@Injectable()
export class TimelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly periods: PeriodsRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  async forApplicant(accountId: string, applicationId: string): Promise<Timeline> {
    const manager = this.dataSource.manager;
    const application = await this.applications.findOwn(manager, accountId, applicationId);
    if (!application) throw applicationNotFound(applicationId);
    const period = await this.periods.find(manager, application.period_id);
    if (!period) throw applicationNotFound(applicationId);
    const rows = await this.timeline.forApplication(manager, applicationId, application.period_id);
    return buildTimeline({
      timeZone: period.timeZone,
      registrationClosesAt: period.registrationClosesAt,
      application: {
        status: application.status,
        submittedAt: application.submitted_at && new Date(application.submitted_at),
        registrationNumber: application.registration_number,
      },
      events: rows.map((r) => ({ name: eventNameOfType(r.event_type), occurredAt: new Date(r.occurred_at), payload: r.payload })),
    });
  }
}
