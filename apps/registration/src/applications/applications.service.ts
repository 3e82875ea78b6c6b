import { DocumentGrant, InvalidDocumentGrantError, Principal, verifyDocumentGrant } from '@seleksi/auth';
import { RegistrationConfig } from '../registration.config';
import { HttpStatus, Injectable } from '@nestjs/common';
import { EducationSnapshot } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/pii-cipher';
import { formatLocalTime } from '@seleksi/time';
import { sniffMediaType } from '../documents/content-type';
import { unreadableContent } from '../documents/readable-content';
import { Formation } from '../formations/formation';
import { FormationsRepository } from '../formations/formations.repository';
import { Period } from '../periods/period';
import { periodNotFound } from '../periods/periods.service';
import { PeriodsRepository } from '../periods/periods.repository';
import { ApplicationResponse, CreateApplicationDto, DECLARATION_KEYS, DocumentResponse, UpdateApplicationDto } from './applications.dto';
import { ApplicationRow, ApplicationsRepository, DocumentRow } from './applications.repository';
import { ReceiptSigner } from './receipt-signer';
import { assertRegistrationOpen } from './registration-window';
import { completeness } from './submission';

export function applicationNotFound(id: string): DomainError {
  // The same answer for "does not exist" and "is someone else's": ids of others are not confirmed.
  return new DomainError('APPLICATION_NOT_FOUND', `no application ${id}`, HttpStatus.NOT_FOUND, 'applicationId');
}

export function mapDocument(d: DocumentRow): DocumentResponse {
  return { id: d.id, type: d.type, mediaType: d.media_type, sizeBytes: d.size_bytes, sha256: d.sha256, uploadedAt: new Date(d.uploaded_at).toISOString() };
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly periods: PeriodsRepository,
    private readonly formations: FormationsRepository,
    private readonly receipts: ReceiptSigner,
    private readonly clock: Clock,
    private readonly config: RegistrationConfig,
    private readonly cipher: PiiCipher,
  ) {}

  async create(accountId: string, dto: CreateApplicationDto): Promise<ApplicationResponse> {
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const period = await this.period(manager, dto.periodId);
      assertRegistrationOpen(period, this.clock.now());
      await this.formationOf(manager, period, dto.formationId);
      if (!(await this.applications.insertDraft(manager, accountId, { id, periodId: dto.periodId, formationId: dto.formationId }))) {
        throw new DomainError(
          'APPLICATION_EXISTS',
          'you already have an application in this period (one formation per period)',
          HttpStatus.CONFLICT,
          'periodId',
        );
      }
    });
    return this.get(accountId, id);
  }

  async get(accountId: string, id: string): Promise<ApplicationResponse> {
    const manager = this.dataSource.manager;
    const application = await this.applications.findOwn(manager, accountId, id);
    if (!application) throw applicationNotFound(id);
    const period = await this.period(manager, application.period_id);
    const formation = await this.formationOf(manager, period, application.formation_id);
    return this.map(application, period, formation, await this.applications.documentsOf(manager, id));
  }

  async listOwn(accountId: string): Promise<ApplicationResponse[]> {
    const rows = await this.applications.listOwn(this.dataSource.manager, accountId);
    return Promise.all(rows.map((r) => this.get(accountId, r.id)));
  }

  /** A draft keeps whatever was saved, across logouts, until it is submitted. */
  async update(accountId: string, id: string, dto: UpdateApplicationDto): Promise<ApplicationResponse> {
    await this.dataSource.transaction(async (manager) => {
      const { application, period } = await this.editableDraft(manager, accountId, id);
      const formationId = dto.formationId ?? application.formation_id;
      if (dto.formationId) await this.formationOf(manager, period, dto.formationId);
      if (dto.education && !isRealDate(dto.education.graduationDate, this.clock.now())) {
        throw new DomainError(
          'GRADUATION_DATE_INVALID',
          'education.graduationDate must be a real date, not in the future',
          HttpStatus.BAD_REQUEST,
          'education.graduationDate',
        );
      }
      await this.applications.updateDraft(manager, accountId, id, {
        formationId,
        education: (dto.education as EducationSnapshot | undefined) ?? application.education,
        declarations: dto.declarations ?? application.declarations ?? [],
      });
    });
    return this.get(accountId, id);
  }

  /**
   * One document per required type. The type is decided by the bytes, the size limit by the
   * formation; the last upload of a type replaces the earlier one.
   */
  async upload(accountId: string, id: string, type: string, body: unknown): Promise<DocumentResponse> {
    if (!Buffer.isBuffer(body)) {
      throw new DomainError(
        'UPLOAD_NOT_RAW',
        'send the file itself as the request body (Content-Type application/octet-stream, image/jpeg or application/pdf)',
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'body',
      );
    }
    // No transaction on this path: one read, then one conditional write (see upsertDocumentIfDraft).
    const manager = this.dataSource.manager;
    const { formation } = await this.editableDraft(manager, accountId, id, { lock: false });
    const requirement = formation.requirements.documents.find((d) => d.type === type);
    if (!requirement) {
      const known = formation.requirements.documents.map((d) => d.type).join(', ');
      throw new DomainError(
        'DOCUMENT_TYPE_UNKNOWN',
        `formation ${formation.code} requires no document "${type}" (it requires: ${known})`,
        HttpStatus.BAD_REQUEST,
        'type',
      );
    }
    if (body.length === 0) throw new DomainError('DOCUMENT_EMPTY', 'the file is empty', HttpStatus.BAD_REQUEST, 'body');
    // Every refusal names the slot, the type found, the size and the limit, so the applicant knows what to fix.
    const detected = sniffMediaType(body);
    const found = { slot: type, expected: requirement.mediaType, detected: detected ?? null, sizeBytes: body.length, maxBytes: requirement.maxBytes };
    if (body.length > requirement.maxBytes) {
      throw new DomainError(
        'DOCUMENT_TOO_LARGE',
        `${type} may be at most ${Math.floor(requirement.maxBytes / 1024)} KB; this file is ${Math.ceil(body.length / 1024)} KB`,
        HttpStatus.PAYLOAD_TOO_LARGE,
        'body',
        found,
      );
    }
    if (detected !== requirement.mediaType) {
      throw new DomainError(
        'DOCUMENT_TYPE_NOT_ALLOWED',
        `${type} must be ${requirement.mediaType}; the file's content is ${detected ?? 'not a recognised type'}`,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'body',
        found,
      );
    }
    const unreadable = await unreadableContent(detected, body);
    if (unreadable) {
      throw new DomainError(unreadable.code, `${type}: ${unreadable.message}`, HttpStatus.UNPROCESSABLE_ENTITY, 'body', {
        ...found,
        reason: unreadable.reason,
      });
    }
    const row = await this.applications.upsertDocumentIfDraft(manager, accountId, id, {
      id: randomUUID(),
      type,
      mediaType: detected,
      // Sealed at rest like NIK and KK; size and digest are of the file as uploaded.
      sealed: this.cipher.seal(body),
      sizeBytes: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      uploadedAt: this.clock.now(),
    });
    if (!row) {
      await this.editableDraft(manager, accountId, id, { lock: false }); // says why: submitted meanwhile
      throw new DomainError('APPLICATION_SUBMITTED', 'the application was submitted and can no longer be changed', HttpStatus.CONFLICT);
    }
    return mapDocument(row);
  }

  /** Staff (verifiers, admins) read a document's bytes; every such view is recorded. */
  /**
   * A submitted document for staff: an admin, or a verifier presenting screening's grant for this
   * document issued to them (registration cannot see who holds which case; docs/design.md).
   */
  async documentForStaff(staff: Principal, documentId: string, grantToken: string | undefined): Promise<{ mediaType: string; type: string; content: Buffer }> {
    const notFound = () => new DomainError('DOCUMENT_NOT_FOUND', `no document ${documentId}`, HttpStatus.NOT_FOUND, 'documentId');
    let grant: DocumentGrant | undefined;
    if (!staff.roles.includes('admin')) {
      if (!grantToken) {
        throw new DomainError(
          'DOCUMENT_GRANT_REQUIRED',
          'x-document-grant: a verifier opens documents through the case view',
          HttpStatus.FORBIDDEN,
          'x-document-grant',
        );
      }
      try {
        grant = verifyDocumentGrant(this.config.DOCUMENT_GRANT_KEY, grantToken, this.clock.now());
      } catch (error) {
        if (!(error instanceof InvalidDocumentGrantError)) throw error;
        throw new DomainError('DOCUMENT_GRANT_INVALID', `x-document-grant: ${error.message}`, HttpStatus.FORBIDDEN, 'x-document-grant');
      }
      // A grant for another document or another account reveals nothing about this one.
      if (grant.documentId !== documentId || grant.staffId !== staff.id) throw notFound();
    }
    return this.dataSource.transaction(async (manager) => {
      const doc = await this.applications.submittedDocumentContent(manager, documentId);
      if (!doc || (grant && grant.applicationId !== doc.application_id)) throw notFound();
      await this.applications.audit(manager, {
        actorId: staff.id,
        action: 'document.viewed',
        subject: documentId,
        details: { applicationId: doc.application_id, type: doc.type },
      });
      return { mediaType: doc.media_type, type: doc.type, content: this.cipher.open(doc.content) };
    });
  }

  private async editableDraft(
    manager: EntityManager,
    accountId: string,
    id: string,
    options: { lock: boolean } = { lock: true },
  ): Promise<{ application: ApplicationRow; period: Period; formation: Formation }> {
    const found = await this.applications.findOwnWithContext(manager, accountId, id, options);
    if (!found) throw applicationNotFound(id);
    const { application, period, formation } = found;
    if (application.status === 'submitted') {
      throw new DomainError(
        'APPLICATION_SUBMITTED',
        `application ${application.registration_number} was submitted and can no longer be changed`,
        HttpStatus.CONFLICT,
      );
    }
    assertRegistrationOpen(period, this.clock.now());
    return { application, period, formation };
  }

  private async period(manager: EntityManager, periodId: string): Promise<Period> {
    const period = await this.periods.find(manager, periodId);
    if (!period || period.status === 'draft') throw periodNotFound(periodId);
    return period;
  }

  private async formationOf(manager: EntityManager, period: Period, formationId: string): Promise<Formation> {
    const formation = await this.formations.find(manager, formationId);
    if (!formation || formation.periodId !== period.id) {
      throw new DomainError('FORMATION_NOT_IN_PERIOD', `formation ${formationId} is not a formation of ${period.name}`, HttpStatus.BAD_REQUEST, 'formationId');
    }
    return formation;
  }

  map(a: ApplicationRow, period: Period, formation: Formation, documents: DocumentRow[]): ApplicationResponse {
    const c = completeness(
      formation.requirements,
      documents.map((d) => d.type),
      a.declarations ?? [],
      DECLARATION_KEYS,
      a.education,
    );
    const submitted = a.status === 'submitted' && a.registration_number && a.submitted_at && a.submission_hash;
    const receiptFields = submitted
      ? {
          applicationId: a.id,
          registrationNumber: a.registration_number!,
          submittedAt: new Date(a.submitted_at!).toISOString(),
          submissionHash: a.submission_hash!,
        }
      : undefined;
    return {
      id: a.id,
      periodId: a.period_id,
      formationId: a.formation_id,
      status: a.status,
      education: a.education,
      declarations: a.declarations ?? [],
      documents: documents.map(mapDocument),
      missingDocuments: c.missingDocuments,
      receipt: receiptFields
        ? {
            ...receiptFields,
            submittedAtLocal: formatLocalTime(receiptFields.submittedAt, period.timeZone, 'en'),
            signature: this.receipts.sign(receiptFields),
          }
        : null,
    };
  }
}

function isRealDate(date: string, now: Date): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date && parsed <= now;
}
