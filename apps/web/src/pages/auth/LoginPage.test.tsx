// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('sign-in', () => {
  it('sends a visitor without a session to the login page, remembering where they were going', async () => {
    vi.stubGlobal(
      'fetch',
      mockFetch({
        'GET /api/auth/me': { status: 401, body: { code: 'AUTH_REQUIRED', message: 'Veuillez vous connecter.', requestId: 'r' } },
      }).fetch,
    );
    const { location } = renderApp(<App />, { path: '/debtors' });
    await screen.findByTestId('login-email');
    expect(location.history.at(-1)).toBe('/login?next=%2Fdebtors');
  });

  it("shows the server's message on a wrong password, then signs in and goes to the requested page", async () => {
    let attempts = 0;
    const server = mockFetch({
      'POST /api/auth/login': () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 401,
              body: { code: 'AUTH_INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.', requestId: 'r1' },
            }
          : { body: TEST_ME };
      },
      'GET /api/invoices/aging': { body: { today: '2026-11-23', lines: [], totals: [] } },
      'GET /api/creditors': { body: { items: [], nextCursor: null } },
    });
    vi.stubGlobal('fetch', server.fetch);
    const { location } = renderApp(<App />, { path: '/login?next=%2F' });

    fireEvent.change(await screen.findByTestId('login-email'), { target: { value: 'claire@example.fr' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'mauvais' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('Adresse e-mail ou mot de passe incorrect.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('login-submit'));
    await screen.findByTestId('nav-dashboard');
    expect(location.history.at(-1)).toBe('/');
    expect(screen.getByTestId('tenant-name').textContent).toBe('Menuiserie Durand');
    const login = server.calls.find((call) => call.path === '/api/auth/login');
    expect(JSON.parse(String(login?.body))).toEqual({ email: 'claire@example.fr', password: 'mauvais' });
    await waitFor(() => expect(screen.getByTestId('aging-bucket-not-due')).toBeTruthy());
  });

  it('gives the same answer to a password-reset request whether or not the account exists', async () => {
    vi.stubGlobal('fetch', mockFetch({ 'POST /api/auth/password-reset': { status: 202, body: { status: 'accepted' } } }).fetch);
    renderApp(<App />, { path: '/forgot-password' });
    fireEvent.change(await screen.findByTestId('forgot-email'), { target: { value: 'inconnu@example.fr' } });
    fireEvent.click(screen.getByTestId('forgot-submit'));
    expect((await screen.findByTestId('forgot-password-done')).textContent).toContain('Si un compte existe pour cette adresse');
  });

  it('switches the interface to English and remembers the choice', async () => {
    vi.stubGlobal('fetch', mockFetch({}).fetch);
    renderApp(<App />, { path: '/login' });
    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('lang-switch'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText('Forgot your password?')).toBeTruthy();
    expect(window.localStorage.getItem('amiable.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    window.localStorage.removeItem('amiable.language');
  });
});
