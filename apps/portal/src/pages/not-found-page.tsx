import { Link } from 'react-router';
import { PageTitle } from '../components/layout';
import { useT } from '../i18n/locale';

export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Link to="/">{t('notFound.home')}</Link>
    </>
  );
}
