import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useAddNote, useDebtorNotes } from '../../api/debtors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrors } from '../../components/FormErrors';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/use-format';

function AddNoteForm({ debtorId }: { readonly debtorId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const add = useAddNote(debtorId);
  const apiError = isApiError(add.error) ? add.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ body: body.trim() }, { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={submit} data-testid="note-form">
      <Stack gap="xs">
        <FormErrors error={add.error} fields={['body']} />
        <Textarea
          label={t('debtor.noteBody')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={apiError?.issueFor('body')}
          autosize
          minRows={2}
          maxLength={10000}
          data-testid="note-body"
        />
        <Button
          type="submit"
          size="xs"
          loading={add.isPending}
          disabled={!body.trim()}
          style={{ alignSelf: 'flex-start' }}
          data-testid="note-submit"
        >
          {t('debtor.addNote')}
        </Button>
      </Stack>
    </form>
  );
}

export function NotesSection({ debtorId, canEdit }: { readonly debtorId: string; readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useDebtorNotes(debtorId);
  const items = notes.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section title={t('debtor.notes')} testId="debtor-notes">
      <Stack gap="sm">
        {canEdit ? <AddNoteForm debtorId={debtorId} /> : null}
        {notes.isPending ? <Loading /> : null}
        {notes.isError ? <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} /> : null}
        {notes.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('debtor.notesEmpty')}
          </Text>
        ) : null}
        {items.map((note) => (
          <Paper key={note.id} withBorder p="sm" radius="sm" data-testid="note">
            <Text size="xs" c="dimmed">
              {t('debtor.noteMeta', { author: note.author, date: format.dateTime(note.createdAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
          </Paper>
        ))}
        <LoadMore hasNextPage={notes.hasNextPage} isFetchingNextPage={notes.isFetchingNextPage} fetchNextPage={notes.fetchNextPage} />
      </Stack>
    </Section>
  );
}
