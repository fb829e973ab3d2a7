import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useLogin } from '../../api/auth';
import { isApiError } from '../../api/client';
import { useLinkProps } from '../../lib/links';
import { safeNext } from '../../lib/paths';
import { AuthCard } from './AuthCard';

export function LoginPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const [, navigate] = useLocation();
  const search = useSearch();
  const linkProps = useLinkProps();
  const error = login.error;
  const apiError = isApiError(error) ? error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => navigate(safeNext(new URLSearchParams(search).get('next')), { replace: true }) },
    );
  };

  return (
    <AuthCard title={t('auth.login.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert" data-testid="login-error">
              {error.message}
            </Alert>
          ) : null}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={apiError?.issueFor('email')}
            data-testid="login-email"
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={apiError?.issueFor('password')}
            data-testid="login-password"
          />
          <Button type="submit" loading={login.isPending} disabled={!email || !password} data-testid="login-submit" fullWidth>
            {t('auth.login.submit')}
          </Button>
          <Anchor {...linkProps('/forgot-password')} size="sm" ta="center" data-testid="forgot-password-link">
            {t('auth.login.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
