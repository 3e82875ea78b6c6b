import { createBrowserRouter } from 'react-router';
import { setSessionLostHandler } from './api/http';
import { Layout } from './components/layout';
import { RequireSession } from './components/require-session';
import { ConfirmEmailPage, ForgotPasswordPage, ResendConfirmationPage, ResetPasswordPage, SignInPage } from './pages/applicant/account-pages';
import { LandingPage } from './pages/applicant/landing-page';
import { NotFoundPage } from './pages/not-found-page';
import { AppealPage, ApplicationsPage, ExamCardPage, OutcomePage, ReceiptPage, SkbResultPage, StatusPage } from './pages/applicant/progress-pages';
import { SignUpPage } from './pages/applicant/sign-up-page';
import { NewApplicationPage, WizardPage } from './pages/applicant/wizard-page';

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
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

setSessionLostHandler((path) => void router.navigate(path));
