import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApplicationSubmitted, DocumentReference, EducationSnapshot } from '@seleksi/contracts';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { ApplicationResponse, DECLARATION_KEYS } from '../applications.dto';
import { ApplicationsRepository } from '../applications.repository';
import { applicationNotFound, ApplicationsService } from '../applications.service';
import { assertRegistrationOpen } from '../registration-window';
import { completeness, isComplete, submissionHash } from '../submission';

export interface SubmitApplicationCommand {
  accountId: string;
  applicationId: string;
  /** A retried submit with the same key gets the same receipt instead of an error. */
  idempotencyKey: string | null;
}

export interface SubmitOutcome {
  application: ApplicationResponse;
  /** False when this was a retry answered from the earlier submission. */
  created: boolean;
}

/**
 * The deadline hot path. One transaction, the application row locked: check the window and
 * completeness, number it, hash what was submitted, mark it final, and write ApplicationSubmitted
 * with the applicant's snapshot to the outbox. Nothing is half-written: any refusal rolls it all back.
 */
@Injectable()
export class SubmitApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly service: ApplicationsService,
    @Inject(Outbox) private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitApplicationCommand): Promise<SubmitOutcome> {
    const { accountId, applicationId, idempotencyKey } = command;
    return this.dataSource.transaction(async (manager) => {
      const found = await this.applications.findForSubmit(manager, accountId, applicationId);
      if (!found) throw applicationNotFound(applicationId);
      const { application, period, formation, documents, account } = found;

      if (application.status === 'submitted') {
        if (idempotencyKey !== null && idempotencyKey === application.idempotency_key) {
          return { application: this.service.map(application, period, formation, documents), created: false };
        }
        throw new DomainError('ALREADY_SUBMITTED', `application ${application.registration_number} was already submitted`, HttpStatus.CONFLICT, undefined, {
          registrationNumber: application.registration_number,
        });
      }
      const now = this.clock.now();
      assertRegistrationOpen(period, now);

      const declarations = application.declarations ?? [];
      const check = completeness(
        formation.requirements,
        documents.map((d) => d.type),
        declarations,
        DECLARATION_KEYS,
        application.education,
      );
      if (!isComplete(check)) {
        const parts = [
          check.educationMissing ? 'education' : '',
          check.missingDocuments.length ? `documents ${check.missingDocuments.join(', ')}` : '',
          check.missingDeclarations.length ? `declarations ${check.missingDeclarations.join(', ')}` : '',
        ].filter(Boolean);
        const field = check.educationMissing ? 'education' : check.missingDocuments.length ? 'documents' : 'declarations';
        throw new DomainError('APPLICATION_INCOMPLETE', `the application is missing ${parts.join('; ')}`, HttpStatus.UNPROCESSABLE_ENTITY, field, { ...check });
      }

      if (!account.kk_digest || !account.date_of_birth || !account.gender || !account.phone) throw applicationNotFound(applicationId);
      const education = application.education as EducationSnapshot;
      const references: DocumentReference[] = documents.map((d) => ({
        type: d.type,
        documentId: d.id,
        mediaType: d.media_type,
        sizeBytes: d.size_bytes,
        sha256: d.sha256,
      }));
      const applicant = {
        applicantId: account.id,
        fullName: account.full_name,
        placeOfBirth: account.place_of_birth ?? '',
        dateOfBirth: account.date_of_birth,
        gender: account.gender,
        email: account.email,
        phone: account.phone,
        kkDigest: account.kk_digest,
      };
      const hash = submissionHash({
        applicationId,
        formationId: formation.id,
        applicant,
        education,
        declarations: [...declarations].sort(),
        documents: references,
      });
      const registrationNumber = await this.applications.markSubmitted(manager, accountId, applicationId, {
        periodCode: period.code,
        submittedAt: now,
        submissionHash: hash,
        idempotencyKey,
      });

      const event: ApplicationSubmitted = {
        periodId: period.id,
        ruleVersion: period.ruleVersion,
        applicationId,
        formationId: formation.id,
        formationType: formation.formationType,
        registrationNumber,
        submittedAt: now.toISOString(),
        submissionHash: hash,
        applicant,
        education,
        documents: references,
        nikWarnings: account.nik_warnings,
        requirements: formation.requirements,
        declarationsAccepted: true,
      };
      await this.outbox.enqueue(manager, 'ApplicationSubmitted', event);

      const submitted = {
        ...application,
        status: 'submitted' as const,
        registration_number: registrationNumber,
        submitted_at: now,
        submission_hash: hash,
        idempotency_key: idempotencyKey,
      };
      return { application: this.service.map(submitted, period, formation, documents), created: true };
    });
  }
}
