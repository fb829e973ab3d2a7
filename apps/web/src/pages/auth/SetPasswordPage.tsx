import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { useConfirmPasswordReset } from '../../api/auth';
import { isApiError } from '../../api/client';
import { useLinkProps } from '../../lib/links';
import { AuthCard } from './AuthCard';

/**
 * The page behind the e-mailed link: /reset-password?token=… (forgotten
 * password) or /invitation?token=… (first password of an invited user).
 */
export function SetPasswordPage({ mode }: { readonly mode: 'reset' | 'invitation' }) {
  const { t } = useTranslation();
  const search = useSearch();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const confirm = useConfirmPasswordReset();
  const linkProps = useLinkProps();
  const apiError = isApiError(confirm.error) ? confirm.error : null;
  const texts =
    mode === 'invitation'
      ? {
          title: t('auth.invitation.title'),
          intro: t('auth.invitation.intro'),
          password: t('auth.invitation.password'),
          submit: t('auth.invitation.submit'),
          done: t('auth.invitation.done'),
        }
      : {
          title: t('auth.reset.title'),
          intro: t('auth.reset.intro'),
          password: t('auth.reset.password'),
          submit: t('auth.reset.submit'),
          done: t('auth.reset.done'),
        };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    confirm.mutate({ token, password });
  };

  if (!token) {
    return (
      <AuthCard title={texts.title}>
        <Alert color="red" role="alert">
          {t('auth.reset.missingToken')}
        </Alert>
        <Anchor {...linkProps('/forgot-password')} size="sm">
          {t('auth.reset.requestNew')}
        </Anchor>
      </AuthCard>
    );
  }

  if (confirm.isSuccess) {
    return (
      <AuthCard title={texts.title}>
        <Alert color="green" role="status" data-testid="set-password-done">
          {texts.done}
        </Alert>
        <Button {...linkProps('/login')} component="a">
          {t('auth.login.submit')}
        </Button>
      </AuthCard>
    );
  }

  const tokenRejected = apiError !== null && (apiError.code === 'AUTH_RESET_TOKEN_INVALID' || apiError.issueFor('token') !== undefined);

  return (
    <AuthCard title={texts.title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{texts.intro}</Text>
          {confirm.error && !apiError?.issueFor('password') ? (
            <Alert color="red" role="alert">
              <Stack gap={4} align="flex-start">
                <span>{confirm.error.message}</span>
                {tokenRejected ? (
                  <Anchor {...linkProps('/forgot-password')} size="sm">
                    {t('auth.reset.requestNew')}
                  </Anchor>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          <PasswordInput
            label={texts.password}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={apiError?.issueFor('password')}
            data-testid="new-password"
          />
          <PasswordInput
            label={t('auth.reset.confirm')}
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={mismatch ? t('auth.reset.mismatch') : undefined}
            data-testid="new-password-confirm"
          />
          <Button type="submit" loading={confirm.isPending} disabled={!password || !confirmation} data-testid="set-password-submit">
            {texts.submit}
          </Button>
        </Stack>
      </form>
      <Anchor {...linkProps('/login')} size="sm">
        {t('auth.goToLogin')}
      </Anchor>
    </AuthCard>
  );
}
