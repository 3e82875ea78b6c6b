import { useParams } from 'react-router';
import { PdfDownload } from '../../components/pdf-download';
import { loadReportCsv, useReport } from '../../hooks/use-placement-allocation';
import { useT } from '../../i18n/locale';
import { PlacementFrame } from './placement-frame';

const COLUMNS = ['quota', 'reachedPlacement', 'skbProceeded', 'interviewed', 'placed', 'vacancies'] as const;

function Report({ periodId }: { periodId: string }) {
  const t = useT();
  const report = useReport(periodId);
  if (report.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!report.data) return <p role="alert">{t('common.loadFailed')}</p>;
  const total = (key: (typeof COLUMNS)[number]) => report.data.reduce((sum, row) => sum + row[key], 0);
  return (
    <>
      <table>
        <caption>{t('placement.report.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('placement.formations.code')}</th>
            <th scope="col">{t('placement.formations.position')}</th>
            <th scope="col">{t('placement.formations.unit')}</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c}>
                {t(`placement.report.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.data.map((row) => (
            <tr key={row.formationId}>
              <th scope="row">{row.code}</th>
              <td>{row.position}</td>
              <td>{row.unit}</td>
              {COLUMNS.map((c) => (
                <td key={c}>{row[c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('placement.report.total')}
            </th>
            {COLUMNS.map((c) => (
              <td key={c}>{total(c)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
      <PdfDownload label={t('placement.report.csv')} fileName={`penempatan-${periodId}.csv`} load={() => loadReportCsv(periodId)} />
    </>
  );
}

/** The placement report per formation (from application to placement, and the seats left empty), with its CSV for a spreadsheet. */
export function PlacementReportPage() {
  const t = useT();
  const { periodId = '' } = useParams();
  return (
    <PlacementFrame periodId={periodId} title={t('placement.report.title')}>
      {() => <Report periodId={periodId} />}
    </PlacementFrame>
  );
}
