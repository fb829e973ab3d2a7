import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestPasswordReset } from '../../api/auth';
import { isApiError } from '../../api/client';
import { useLinkProps } from '../../lib/links';
import { AuthCard } from './AuthCard';

/** Always the same confirmation, whether or not the account exists: the page reveals nothing. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();
  const linkProps = useLinkProps();
  const apiError = isApiError(request.error) ? request.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email: email.trim() });
  };

  return (
    <AuthCard title={t('auth.forgot.title')}>
      {request.isSuccess ? (
        <Alert color="green" role="status" data-testid="forgot-password-done">
          {t('auth.forgot.done')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('auth.forgot.intro')}</Text>
            {request.error && !apiError?.issueFor('email') ? (
              <Alert color="red" role="alert">
                {request.error.message}
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
              data-testid="forgot-email"
            />
            <Button type="submit" loading={request.isPending} disabled={!email.trim()} data-testid="forgot-submit">
              {t('auth.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor {...linkProps('/login')} size="sm">
        {t('auth.goToLogin')}
      </Anchor>
    </AuthCard>
  );
}
