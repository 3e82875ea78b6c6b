import type { RegistrationSchemas } from '../api/clients';
import { useT } from '../i18n/locale';

type Formation = RegistrationSchemas['schemas']['FormationResponse'];

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/** A formation's requirements as a definition list, documents with their type and size limit. */
export function Requirements({ formation }: { formation: Formation }) {
  const t = useT();
  const r = formation.requirements;
  return (
    <dl className="requirements">
      <dt>{t('formation.education')}</dt>
      <dd>{r.educationLevels.join(', ')}</dd>
      <dt>{t('formation.majors')}</dt>
      <dd>{r.acceptedMajors.join(', ')}</dd>
      <dt>{t('formation.minimumGpa')}</dt>
      <dd>{r.minimumGpa.toFixed(2)}</dd>
      {(r.minimumAge !== undefined || r.maximumAge !== undefined) && (
        <>
          <dt>{t('formation.age')}</dt>
          <dd>{t('formation.ageRange', { min: r.minimumAge ?? '-', max: r.maximumAge ?? '-' })}</dd>
        </>
      )}
      <dt>{t('formation.quota')}</dt>
      <dd>{formation.quota}</dd>
      {r.documents && r.documents.length > 0 && (
        <>
          <dt>{t('formation.documents')}</dt>
          <dd>
            <ul>
              {r.documents.map((d) => (
                <li key={d.type}>
                  {t('formation.document', {
                    type: t.or(`document.${d.type}`, d.type),
                    media: d.mediaType === 'application/pdf' ? 'PDF' : 'JPEG',
                    size: kb(d.maxBytes),
                  })}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

export { kb };
