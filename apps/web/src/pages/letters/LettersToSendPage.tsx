import { Alert, Anchor, Button, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PendingDelivery, documentContentUrl, useMarkPosted, usePendingLetters } from '../../api/letters';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrors } from '../../components/FormErrors';
import { Loading } from '../../components/Loading';
import { useSession } from '../../components/Session';
import { useLinkProps } from '../../lib/links';
import { canWorkRecovery } from '../../lib/permissions';
import { useFormat } from '../../lib/use-format';
import { documentTypeLabel } from './document-labels';

const DELIVERIES: readonly PendingDelivery[] = ['to-print', 'awaiting-registered-sending'];

/** « Courriers à envoyer »: letters to print and post, registered letters waiting; download, then mark as posted. */
export function LettersToSendPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const linkProps = useLinkProps();
  const [delivery, setDelivery] = useState<PendingDelivery>('to-print');
  const pending = usePendingLetters(delivery);
  const posted = useMarkPosted();
  const canPost = canWorkRecovery(me.role);
  const items = pending.data ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('letters.pending.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('letters.pending.intro')}
        </Text>
      </div>
      <SegmentedControl
        value={delivery}
        onChange={(value) => setDelivery(value === 'awaiting-registered-sending' ? value : 'to-print')}
        data={DELIVERIES.map((value) => ({ value, label: t(`letters.pending.tabs.${value}`) }))}
        data-testid="pending-delivery"
        w="fit-content"
      />
      {posted.isSuccess ? (
        <Alert color="green" p="xs" data-testid="letter-posted">
          {t('letters.pending.posted')}
        </Alert>
      ) : null}
      <FormErrors error={posted.error} fields={[]} />
      {pending.isPending ? <Loading /> : null}
      {pending.isError ? <ErrorAlert error={pending.error} onRetry={() => void pending.refetch()} /> : null}
      {pending.isSuccess && items.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="pending-empty">
          {t('letters.pending.empty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="pending-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('letters.pending.columns.type')}</Table.Th>
                <Table.Th>{t('letters.pending.columns.debtor')}</Table.Th>
                <Table.Th>{t('letters.pending.columns.creditor')}</Table.Th>
                <Table.Th>{t('letters.pending.columns.date')}</Table.Th>
                <Table.Th>{t('letters.pending.columns.file')}</Table.Th>
                {canPost ? <Table.Th>{t('letters.pending.columns.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((letter) => (
                <Table.Tr key={letter.id} data-testid="pending-letter" data-document-id={letter.id}>
                  <Table.Td>{documentTypeLabel(t, letter)}</Table.Td>
                  <Table.Td>
                    <Anchor {...linkProps(`/recovery/cases/${letter.caseId}`)} size="sm">
                      {letter.debtor.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{letter.creditor.name}</Table.Td>
                  <Table.Td>{format.dateTime(letter.createdAt)}</Table.Td>
                  <Table.Td>
                    <Anchor href={documentContentUrl(letter.id)} download={letter.filename} size="sm" data-testid="pending-download">
                      {letter.filename}
                    </Anchor>
                  </Table.Td>
                  {canPost ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        loading={posted.isPending && posted.variables === letter.id}
                        onClick={() => posted.mutate(letter.id)}
                        data-testid="mark-posted"
                      >
                        {t('letters.pending.markPosted')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
