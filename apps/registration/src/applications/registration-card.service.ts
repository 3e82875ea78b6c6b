import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { formatLocalDate, formatLocalTime } from '@seleksi/time';
import { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { maskIdentityNumber } from '../accounts/identity-numbers';
import { PiiCipher } from '../common/pii-cipher';
import { FormationsRepository } from '../formations/formations.repository';
import { PeriodsRepository } from '../periods/periods.repository';
import { ApplicationsRepository } from './applications.repository';
import { applicationNotFound } from './applications.service';
import { renderRegistrationCard } from './registration-card';

@Injectable()
export class RegistrationCardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly periods: PeriodsRepository,
    private readonly formations: FormationsRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async render(accountId: string, applicationId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const manager = this.dataSource.manager;
    const application = await this.applications.findOwn(manager, accountId, applicationId);
    if (!application) throw applicationNotFound(applicationId);
    if (application.status !== 'submitted' || !application.registration_number || !application.submitted_at) {
      throw new DomainError('APPLICATION_NOT_SUBMITTED', 'the registration card exists once the application is submitted', HttpStatus.CONFLICT);
    }
    const [account, period, formation] = await Promise.all([
      this.accounts.findById(manager, accountId),
      this.periods.find(manager, application.period_id),
      this.formations.find(manager, application.formation_id),
    ]);
    if (!account || !period || !formation) throw applicationNotFound(applicationId);
    const pdf = await renderRegistrationCard({
      agencyName: period.agencyName,
      periodName: period.name,
      registrationNumber: application.registration_number,
      fullName: account.full_name,
      nikMasked: account.nik_sealed ? maskIdentityNumber(this.cipher.decrypt(account.nik_sealed)) : '',
      // A birth date is a calendar date: read at UTC midnight it stays that date in every agency zone (all are ahead of UTC).
      placeAndDateOfBirth: `${account.place_of_birth ?? ''}, ${account.date_of_birth ? formatLocalDate(`${account.date_of_birth}T00:00:00.000Z`, period.timeZone) : ''}`,
      formation: `${formation.code} — ${formation.position}`,
      unit: formation.unit,
      submittedAtLocal: formatLocalTime(new Date(application.submitted_at), period.timeZone),
      submissionHash: application.submission_hash ?? '',
    });
    return { pdf, fileName: `kartu-pendaftaran-${application.registration_number}.pdf` };
  }
}
