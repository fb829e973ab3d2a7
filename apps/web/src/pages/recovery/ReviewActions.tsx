import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResolveReview } from '../../api/recovery-cases';
import type { ReviewResolution } from '../../api/types';
import { CommandError } from './CommandError';
import { issuesByField } from './issues';

const RESOLUTIONS: readonly ReviewResolution['resolution'][] = ['was-sent', 'send-again', 'cancel'];
const COLORS: Record<ReviewResolution['resolution'], string> = { 'was-sent': 'green', 'send-again': 'blue', cancel: 'red' };

/** A manager settles an uncertain or failed action; the note saying why is required. */
export function ReviewActions({ dispatchId }: { readonly dispatchId: string }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [missingNote, setMissingNote] = useState(false);
  const resolve = useResolveReview();
  const pending = resolve.isPending ? resolve.variables?.body.resolution : undefined;

  const send = (resolution: ReviewResolution['resolution']) => {
    if (!note.trim()) {
      setMissingNote(true);
      resolve.reset();
      return;
    }
    setMissingNote(false);
    resolve.mutate(
      { id: dispatchId, body: { resolution, note: note.trim() } },
      { onSuccess: () => notifications.show({ color: 'green', message: t('recovery.review.done') }) },
    );
  };

  return (
    <Stack gap="xs">
      <CommandError error={resolve.error} fields={['note']} />
      <Textarea
        label={t('recovery.review.note')}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          if (event.currentTarget.value.trim()) setMissingNote(false);
        }}
        error={missingNote ? t('recovery.review.noteRequired') : issuesByField(resolve.error).get('note')}
        autosize
        minRows={2}
        maxLength={2000}
        required
        data-testid="review-note"
      />
      <Group gap="xs">
        {RESOLUTIONS.map((resolution) => (
          <Button
            key={resolution}
            color={COLORS[resolution]}
            variant={resolution === 'cancel' ? 'light' : 'filled'}
            onClick={() => send(resolution)}
            loading={pending === resolution}
            disabled={resolve.isPending}
            data-testid={`review-${resolution}`}
          >
            {t(`recovery.review.resolutions.${resolution}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
