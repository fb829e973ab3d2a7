import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

interface ErrorAlertProps {
  readonly error: unknown;
  readonly onRetry?: () => void;
  readonly title?: string;
}

/** The server's message (already in the UI language), its request id, and a retry button when it makes sense. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = isApiError(error) || error instanceof Error ? error.message : t('common.errorTitle');
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Alert color="red" title={title ?? t('common.errorTitle')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        {requestId ? (
          <Text size="xs" c="dimmed">
            {t('common.reference', { requestId })}
          </Text>
        ) : null}
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
