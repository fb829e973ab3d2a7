import { Alert, Button, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useOpenDispute, useResolveDispute } from '../../api/invoices';

interface TextFormProps {
  readonly label: string;
  readonly submitLabel: string;
  readonly field: string;
  readonly pending: boolean;
  readonly error: Error | null;
  readonly onSubmit: (text: string, reset: () => void) => void;
  readonly testId: string;
}

function TextForm({ label, submitLabel, field, pending, error, onSubmit, testId }: TextFormProps) {
  const [text, setText] = useState('');
  const apiError = isApiError(error) ? error : null;
  const fieldError = apiError?.issueFor(field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(text.trim(), () => setText(''));
  };
  return (
    <form onSubmit={submit} data-testid={testId}>
      <Stack gap="xs">
        {error && !fieldError ? (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        ) : null}
        <Textarea
          label={label}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={fieldError}
          autosize
          minRows={2}
          maxLength={2000}
          required
        />
        <Button type="submit" size="xs" loading={pending} disabled={!text.trim()} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

export function OpenDisputeForm({ invoiceId }: { readonly invoiceId: string }) {
  const { t } = useTranslation();
  const open = useOpenDispute(invoiceId);
  return (
    <TextForm
      label={t('invoice.dispute.reason')}
      submitLabel={t('invoice.dispute.submitOpen')}
      field="reason"
      pending={open.isPending}
      error={open.error}
      onSubmit={(reason, reset) => open.mutate({ reason }, { onSuccess: reset })}
      testId="dispute-open-form"
    />
  );
}

export function ResolveDisputeForm({ invoiceId, disputeId }: { readonly invoiceId: string; readonly disputeId: string }) {
  const { t } = useTranslation();
  const resolve = useResolveDispute(invoiceId);
  return (
    <TextForm
      label={t('invoice.dispute.resolution')}
      submitLabel={t('invoice.dispute.submitResolve')}
      field="resolution"
      pending={resolve.isPending}
      error={resolve.error}
      onSubmit={(resolution, reset) => resolve.mutate({ disputeId, resolution }, { onSuccess: reset })}
      testId="dispute-resolve-form"
    />
  );
}
