import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/errors';
import { LocaleProvider } from './i18n/locale';
import { router } from './router';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    // A refused request (4xx) is an answer, not a glitch: only network errors and 5xx are retried.
    queries: { retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500), refetchOnWindowFocus: false },
    // A save while offline fails at once and says so (error.NETWORK: the data stays in the form), rather than
    // waiting paused behind a disabled button with no word of why (React Query's default networkMode 'online').
    mutations: { networkMode: 'always' },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <LocaleProvider>
        <RouterProvider router={router} />
      </LocaleProvider>
    </QueryClientProvider>
  </StrictMode>,
);
