import { type ReactNode, createContext, useContext } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { useMe } from '../api/auth';
import { isApiError } from '../api/client';
import type { Me } from '../api/types';
import { loginPath } from '../lib/paths';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';
import { Center, Container } from '@mantine/core';

const SessionContext = createContext<Me | null>(null);

/** The signed-in user, tenant and role. Only usable below <AuthGate>. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside <AuthGate>');
  return me;
}

/** Renders its children only with a session; sends anyone else to the login page. */
export function AuthGate({ children }: { readonly children: ReactNode }) {
  const me = useMe();
  const [location] = useLocation();
  const search = useSearch();

  if (me.isPending) return <Loading fullPage />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401)
      return <Redirect to={loginPath(search ? `${location}?${search}` : location)} replace />;
    return (
      <Center h="100vh">
        <Container size="sm">
          <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
        </Container>
      </Center>
    );
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
