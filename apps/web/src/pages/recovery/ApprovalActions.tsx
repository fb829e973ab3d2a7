import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideApproval } from '../../api/recovery-cases';
import type { ApprovalDecision } from '../../api/types';
import { CommandError } from './CommandError';
import { issuesByField } from './issues';

/** A manager approves or rejects an action held for approval, with an optional comment. */
export function ApprovalActions({ dispatchId }: { readonly dispatchId: string }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const decide = useDecideApproval();
  const pending = decide.isPending ? decide.variables?.body.decision : undefined;

  const send = (decision: ApprovalDecision['decision']) => {
    const body: ApprovalDecision = { decision };
    if (note.trim()) body.note = note.trim();
    decide.mutate(
      { id: dispatchId, body },
      {
        onSuccess: () =>
          notifications.show({
            color: decision === 'approve' ? 'green' : 'gray',
            message: t(decision === 'approve' ? 'recovery.approvals.approved' : 'recovery.approvals.rejected'),
          }),
      },
    );
  };

  return (
    <Stack gap="xs">
      <CommandError error={decide.error} fields={['note']} />
      <Textarea
        label={t('recovery.approvals.note')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={issuesByField(decide.error).get('note')}
        autosize
        minRows={1}
        maxLength={2000}
        data-testid="approval-note"
      />
      <Group gap="xs">
        <Button
          color="green"
          onClick={() => send('approve')}
          loading={pending === 'approve'}
          disabled={decide.isPending}
          data-testid="approval-approve"
        >
          {t('recovery.approvals.approve')}
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={() => send('reject')}
          loading={pending === 'reject'}
          disabled={decide.isPending}
          data-testid="approval-reject"
        >
          {t('recovery.approvals.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
