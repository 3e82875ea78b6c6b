import { createBrowserRouter } from 'react-router';
import { setSessionLostHandler } from './api/http';
import { Layout } from './components/layout';
import { RequireSession } from './components/require-session';
import { ConfirmEmailPage, ForgotPasswordPage, ResendConfirmationPage, ResetPasswordPage, SignInPage } from './pages/applicant/account-pages';
import { LandingPage } from './pages/applicant/landing-page';
import { RequireRole } from './components/require-role';
import { NotFoundPage } from './pages/not-found-page';
import { AppealPage, ApplicationsPage, ExamCardPage, OutcomePage, ReceiptPage, SkbResultPage, StatusPage } from './pages/applicant/progress-pages';
import { SignUpPage } from './pages/applicant/sign-up-page';
import { NewApplicationPage, WizardPage } from './pages/applicant/wizard-page';

const admin = (name: 'PeriodsPage' | 'PeriodPage') => async () => ({ Component: (await import('./pages/admin/admin-pages'))[name] });
const skbPage = (name: 'SkbPeriodsPage' | 'SkbPeriodPage') => async () => ({ Component: (await import('./pages/skb/periods-page'))[name] });
const panelist = (name: 'CandidatesPage' | 'CandidatePage') => async () =>
  name === 'CandidatesPage'
    ? { Component: (await import('./pages/panelist/candidates-page')).CandidatesPage }
    : { Component: (await import('./pages/panelist/candidate-page')).CandidatePage };
const adminSetup = {
  period: async () => ({ Component: (await import('./pages/admin/period-form-page')).PeriodFormPage }),
  formation: async () => ({ Component: (await import('./pages/admin/formation-form-page')).FormationFormPage }),
  panels: async () => ({ Component: (await import('./pages/admin/panels-page')).PanelsPage }),
  rubric: async () => ({ Component: (await import('./pages/admin/rubric-page')).RubricPage }),
};
const oversight = {
  identity: async () => ({ Component: (await import('./pages/admin/oversight/identity-page')).IdentityPage }),
  audit: async () => ({ Component: (await import('./pages/admin/oversight/audit-page')).AuditPage }),
  dashboards: async () => ({ Component: (await import('./pages/admin/oversight/dashboard-pages')).DashboardsPage }),
  dashboard: async () => ({ Component: (await import('./pages/admin/oversight/dashboard-pages')).DashboardPage }),
};
const placement = {
  periods: async () => ({ Component: (await import('./pages/placement/periods-page')).PlacementPeriodsPage }),
  period: async () => ({ Component: (await import('./pages/placement/period-page')).PlacementPeriodPage }),
  rankings: async () => ({ Component: (await import('./pages/placement/rankings-page')).PlacementRankingsPage }),
  proposal: async () => ({ Component: (await import('./pages/placement/proposal-page')).PlacementProposalPage }),
  approvals: async () => ({ Component: (await import('./pages/placement/approvals-page')).PlacementApprovalsPage }),
  declines: async () => ({ Component: (await import('./pages/placement/declines-page')).PlacementDeclinesPage }),
  report: async () => ({ Component: (await import('./pages/placement/report-page')).PlacementReportPage }),
};

/** The staff workspaces, each behind its role; their code loads only when opened (lazy), outside the applicant bundle. */
const staffRoutes = [
  { path: 'staff', lazy: async () => ({ Component: (await import('./pages/staff/workspaces-page')).WorkspacesPage }) },
  {
    element: <RequireRole role="verifier" />,
    children: [
      { path: 'staff/verifier', lazy: async () => ({ Component: (await import('./pages/verifier/queue-page')).QueuePage }) },
      { path: 'staff/verifier/cases/:applicationId', lazy: async () => ({ Component: (await import('./pages/verifier/case-page')).CasePage }) },
      { path: 'staff/verifier/appeals', lazy: async () => ({ Component: (await import('./pages/verifier/appeals-page')).AppealsPage }) },
    ],
  },
  {
    element: <RequireRole role="admin" />,
    children: [
      { path: 'staff/admin', lazy: admin('PeriodsPage') },
      { path: 'staff/admin/periods/:periodId', lazy: admin('PeriodPage') },
      { path: 'staff/admin/periods/new', lazy: adminSetup.period },
      { path: 'staff/admin/periods/:periodId/edit', lazy: adminSetup.period },
      { path: 'staff/admin/periods/:periodId/formations/new', lazy: adminSetup.formation },
      { path: 'staff/admin/periods/:periodId/formations/:formationId/edit', lazy: adminSetup.formation },
      { path: 'staff/admin/periods/:periodId/panels', lazy: adminSetup.panels },
      { path: 'staff/admin/periods/:periodId/formations/:formationId/rubric', lazy: adminSetup.rubric },
      { path: 'staff/admin/oversight/identity', lazy: oversight.identity },
      { path: 'staff/admin/oversight/audit', lazy: oversight.audit },
      { path: 'staff/admin/oversight/dashboards', lazy: oversight.dashboards },
      { path: 'staff/admin/oversight/periods/:periodId', lazy: oversight.dashboard },
    ],
  },
  {
    element: <RequireRole role="skb-officer" />,
    children: [
      { path: 'staff/skb', lazy: skbPage('SkbPeriodsPage') },
      { path: 'staff/skb/periods/:periodId', lazy: skbPage('SkbPeriodPage') },
      { path: 'staff/skb/periods/:periodId/venues', lazy: async () => ({ Component: (await import('./pages/skb/venues-page')).SkbVenuesPage }) },
      { path: 'staff/skb/periods/:periodId/seats', lazy: async () => ({ Component: (await import('./pages/skb/seats-page')).SkbSeatsPage }) },
      { path: 'staff/skb/periods/:periodId/scores', lazy: async () => ({ Component: (await import('./pages/skb/scores-page')).SkbScoresPage }) },
      { path: 'staff/skb/periods/:periodId/results', lazy: async () => ({ Component: (await import('./pages/skb/results-page')).SkbResultsPage }) },
    ],
  },
  {
    element: <RequireRole role="panelist" />,
    children: [
      { path: 'staff/panelist', lazy: panelist('CandidatesPage') },
      { path: 'staff/panelist/panels/:panelId/candidates/:participantNumber', lazy: panelist('CandidatePage') },
    ],
  },
  {
    element: <RequireRole role="placement-officer" />,
    children: [
      { path: 'staff/placement', lazy: placement.periods },
      { path: 'staff/placement/periods/:periodId', lazy: placement.period },
      { path: 'staff/placement/periods/:periodId/rankings', lazy: placement.rankings },
      { path: 'staff/placement/periods/:periodId/rankings/:formationId', lazy: placement.rankings },
      { path: 'staff/placement/periods/:periodId/proposal', lazy: placement.proposal },
      { path: 'staff/placement/periods/:periodId/approvals', lazy: placement.approvals },
      { path: 'staff/placement/periods/:periodId/declines', lazy: placement.declines },
      { path: 'staff/placement/periods/:periodId/report', lazy: placement.report },
    ],
  },
];

/**
 * The applicant's pages. Staff workspaces (part 2) join as lazy routes (`lazy: () => import(...)`),
 * so their code stays out of the applicant bundle.
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'confirm-email', element: <ConfirmEmailPage /> },
      { path: 'resend-confirmation', element: <ResendConfirmationPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: 'applications', element: <ApplicationsPage /> },
          { path: 'applications/new', element: <NewApplicationPage /> },
          { path: 'applications/:applicationId', element: <WizardPage /> },
          { path: 'applications/:applicationId/receipt', element: <ReceiptPage /> },
          { path: 'applications/:applicationId/status', element: <StatusPage /> },
          { path: 'applications/:applicationId/appeal', element: <AppealPage /> },
          { path: 'applications/:applicationId/exam-card', element: <ExamCardPage /> },
          { path: 'applications/:applicationId/skb-result', element: <SkbResultPage /> },
          { path: 'applications/:applicationId/outcome', element: <OutcomePage /> },
          ...staffRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

setSessionLostHandler((path) => void router.navigate(path));
