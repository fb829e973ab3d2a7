/**
 * Test helpers for components: jsdom stubs Mantine needs, a fetch mock that
 * answers per route, and a render wrapped in the app's providers with an
 * in-memory router.
 */
import { QueryClient } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { AppProviders } from '../AppProviders';
import { configureApiClient } from '../api/client';
import type { Me } from '../api/types';
import { createI18n } from '../i18n';
import type { UiLanguage } from '../lib/format';

export function installDomStubs(): void {
  // A cold Mantine import under parallel test files can take several seconds on a busy machine.
  configure({ asyncUtilTimeout: 10_000 });
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
  }
  // Mantine's autosize Textarea listens for web fonts loading.
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
}

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly search: URLSearchParams;
  readonly headers: Headers;
  readonly body: BodyInit | null | undefined;
}

export interface MockReply {
  readonly status?: number;
  readonly body?: unknown;
}

export type RouteHandler = (call: RecordedCall) => MockReply | Promise<MockReply>;

/** A fetch that answers "GET /api/invoices"-style routes and records every call; unknown routes get a 404 ErrorBody. */
export function mockFetch(routes: Record<string, RouteHandler | MockReply>) {
  const calls: RecordedCall[] = [];
  const fetchMock = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const call: RecordedCall = {
      method,
      path: url.pathname,
      search: url.searchParams,
      headers: new Headers(init?.headers),
      body: init?.body,
    };
    calls.push(call);
    const route = routes[`${method} ${url.pathname}`];
    const reply: MockReply = route
      ? typeof route === 'function'
        ? await route(call)
        : route
      : { status: 404, body: { code: 'NOT_FOUND', message: 'Introuvable.', requestId: 'test' } };
    const status = reply.status ?? 200;
    return new Response(status === 204 || reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetchMock, calls };
}

export const TEST_ME: Me = {
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'claire@example.fr', displayName: 'Claire Martin', locale: 'fr' },
  tenant: { id: '00000000-0000-4000-8000-000000000002', name: 'Menuiserie Durand' },
  role: 'manager',
  via: 'session',
  memberships: [{ tenantId: '00000000-0000-4000-8000-000000000002', tenantName: 'Menuiserie Durand', role: 'manager' }],
};

export function renderApp(ui: ReactElement, { path = '/', language = 'fr' }: { path?: string; language?: UiLanguage } = {}) {
  const i18n = createI18n(language);
  configureApiClient({ language: () => language, onUnauthorized: () => {} });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const location = memoryLocation({ path, record: true });
  const result = render(
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        {ui}
      </Router>
    </AppProviders>,
  );
  return { ...result, location, queryClient };
}
