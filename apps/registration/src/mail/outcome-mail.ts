import { Injectable } from '@nestjs/common';
import { EventEnvelope, eventType } from '@seleksi/contracts';
import { formatLocalTime } from '@seleksi/time';
import { EntityManager } from 'typeorm';
import { RegistrationConfig } from '../registration.config';
import { MailLocale, OUTCOME_DETAILS, OutcomeMailKind, renderMail } from './mail-templates';
import { MailOutboxRepository, PLACEHOLDER } from './mail-outbox.repository';

type OutcomeEvent = EventEnvelope<{ periodId: string; applicationId?: string }>;

/** The published outcomes an applicant is e-mailed about; other timeline events are not mailed. */
const KIND_OF: Record<string, OutcomeMailKind> = {
  [eventType('AdministrativeResultsAnnounced')]: 'administrative-result',
  [eventType('ScreeningFinalized')]: 'final-list',
  [eventType('ParticipantScheduled')]: 'exam-card',
  [eventType('SkbResultFinalized')]: 'skb-result',
  [eventType('PlacementAnnounced')]: 'final-outcome',
};

/**
 * Queues the e-mail of a published outcome in the transaction that puts it on the timeline, so the
 * two happen together or not at all. Period-wide announcements go to every applicant who submitted.
 */
@Injectable()
export class OutcomeMail {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly config: RegistrationConfig,
  ) {}

  async queue(manager: EntityManager, event: OutcomeEvent): Promise<void> {
    const kind = KIND_OF[event.type];
    if (!kind) return;
    const period = await this.outbox.periodOf(manager, event.data.periodId);
    if (!period) return;
    const scope = event.data.applicationId ? { applicationId: event.data.applicationId } : { periodId: event.data.periodId };
    const render = (locale: MailLocale) =>
      renderMail(kind, locale, {
        fullName: PLACEHOLDER.fullName,
        periodName: period.name,
        link: `${this.config.portalBase()}/applications/${PLACEHOLDER.applicationId}`,
        detail: detailOf(event.data as Record<string, unknown>, period.time_zone, locale),
      });
    await this.outbox.queueForApplicants(manager, scope, event.id, kind, { id: render('id'), en: render('en') });
  }
}

function detailOf(data: Record<string, unknown>, zone: 'WIB' | 'WITA' | 'WIT', locale: MailLocale): string | undefined {
  if (typeof data.appealFilingClosesAt === 'string') return OUTCOME_DETAILS.appealUntil[locale](formatLocalTime(data.appealFilingClosesAt, zone, locale));
  if (typeof data.startsAt === 'string' && typeof data.venue === 'string') {
    return OUTCOME_DETAILS.examAt[locale](
      formatLocalTime(data.startsAt, zone, locale),
      `${data.venue}${typeof data.room === 'string' ? `, ${data.room}` : ''}`,
    );
  }
  return undefined;
}
