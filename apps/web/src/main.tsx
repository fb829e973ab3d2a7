import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { navigate } from 'wouter/use-browser-location';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { meKey } from './api/auth';
import { configureApiClient } from './api/client';
import { createI18n, toUiLanguage } from './i18n';
import { isPublicPath, loginPath } from './lib/paths';
import { createQueryClient } from './query-client';

const i18n = createI18n();
const queryClient = createQueryClient();

configureApiClient({
  language: () => toUiLanguage(i18n.language),
  // The session ended (expired, logged out elsewhere): back to the login page, then come back here.
  onUnauthorized: () => {
    const { pathname, search } = window.location;
    if (isPublicPath(pathname)) return;
    navigate(loginPath(pathname + search), { replace: true });
    setTimeout(() => queryClient.removeQueries({ queryKey: meKey }), 0);
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <App />
    </AppProviders>
  </StrictMode>,
);
