import { formatLocalDate } from '@seleksi/time';
import type { ScreeningSchemas } from '../../api/clients';
import { useLocale, useT } from '../../i18n/locale';

type Submission = ScreeningSchemas['schemas']['SubmissionDto'];

/** The application as submitted, beside the documents: what the verifier compares the scans with. */
export function SubmittedData({ submission }: { submission: Submission }) {
  const t = useT();
  const { locale } = useLocale();
  // A calendar date, not an instant: noon UTC is the same day in every Indonesian zone.
  const date = (day: string) => formatLocalDate(`${day}T12:00:00Z`, 'WIB', locale);
  const { applicant, education, requirements, nikWarnings } = submission;
  const kb = (bytes: number) => t('verifier.case.sizeKb', { size: Math.ceil(bytes / 1024) });

  return (
    <section aria-labelledby="submitted-title">
      <h2 id="submitted-title">{t('verifier.case.submitted')}</h2>
      <dl>
        <dt>{t('verifier.case.name')}</dt>
        <dd>{applicant.fullName}</dd>
        <dt>{t('verifier.case.gender')}</dt>
        <dd>{t.or(`gender.${applicant.gender}`, applicant.gender)}</dd>
        <dt>{t('verifier.case.birth')}</dt>
        <dd>
          {applicant.placeOfBirth}, {date(applicant.dateOfBirth)}
        </dd>
        <dt>{t('verifier.case.contact')}</dt>
        <dd>
          {applicant.email}, {applicant.phone}
        </dd>
        <dt>{t('verifier.case.education')}</dt>
        <dd>
          {education.level} {education.major}, {education.institution}
        </dd>
        <dt>{t('verifier.case.accreditation')}</dt>
        <dd>{education.accreditation}</dd>
        <dt>{t('verifier.case.gpa')}</dt>
        <dd>{education.gpa.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2 })}</dd>
        <dt>{t('verifier.case.graduated')}</dt>
        <dd>{date(education.graduationDate)}</dd>
        <dt>{t('verifier.case.declarations')}</dt>
        <dd>{submission.declarationsAccepted ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('verifier.case.submittedDocuments')}</dt>
        <dd>
          <ul>
            {submission.documents.map((d) => (
              <li key={d.documentId}>
                {t.or(`verifier.documentType.${d.type}`, d.type)} ({d.mediaType === 'application/pdf' ? 'PDF' : 'JPEG'}, {kb(d.sizeBytes)})
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {nikWarnings.length > 0 && (
        <div className="warning">
          <h3 id="nik-warnings-title">{t('verifier.case.nikWarnings')}</h3>
          <ul aria-labelledby="nik-warnings-title">
            {nikWarnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('verifier.case.requirements')}</h3>
      <dl>
        <dt>{t('verifier.case.requiredLevels')}</dt>
        <dd>{requirements.educationLevels.join(', ')}</dd>
        <dt>{t('verifier.case.requiredMajors')}</dt>
        <dd>{requirements.acceptedMajors.join(', ')}</dd>
        <dt>{t('verifier.case.requiredGpa')}</dt>
        <dd>{requirements.minimumGpa.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2 })}</dd>
        <dt>{t('verifier.case.requiredAge')}</dt>
        <dd>{t('verifier.case.ageRange', { min: requirements.minimumAge, max: requirements.maximumAge })}</dd>
      </dl>
    </section>
  );
}
