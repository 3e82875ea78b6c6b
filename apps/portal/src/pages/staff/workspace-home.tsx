import { PageTitle } from '../../components/layout';
import { useT } from '../../i18n/locale';

/** The start page of a workspace whose own pages are still to come (skb, placement). */
export function WorkspaceHome({ area }: { area: 'skb' | 'placement' }) {
  const t = useT();
  return (
    <>
      <PageTitle>{t(`staff.workspace.${area}`)}</PageTitle>
      <p>{t(`${area}.home.intro`)}</p>
    </>
  );
}

export const SkbHome = () => <WorkspaceHome area="skb" />;
export const PlacementHome = () => <WorkspaceHome area="placement" />;
