import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useCreditors } from '../../api/creditors';
import { useDefaultAgents } from '../../api/default-agents';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSession } from '../../components/Session';
import { useLinkProps } from '../../lib/links';
import { canWriteLedger } from '../../lib/permissions';

/** « Créanciers »: the tenant's creditors, who follows their new cases, what each still lacks for its letters, and the way to add one. */
export function CreditorsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const creditors = useCreditors();
  const linkProps = useLinkProps();
  const [, navigate] = useLocation();
  const items = creditors.data?.items ?? [];
  // Who follows each creditor's new cases; the column waits for it rather than the whole table.
  const defaults = useDefaultAgents();
  const agentOf = new Map((defaults.data ?? []).flatMap((d) => (d.assigneeName ? [[d.creditorId, d.assigneeName] as const] : [])));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('creditors.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('creditors.intro')}
          </Text>
        </div>
        {canWriteLedger(me.role) ? (
          <Button {...linkProps('/settings/creditors/new')} component="a" data-testid="creditor-add">
            {t('creditors.add')}
          </Button>
        ) : null}
      </Group>
      {creditors.isPending ? <Loading /> : null}
      {creditors.isError ? <ErrorAlert error={creditors.error} onRetry={() => void creditors.refetch()} /> : null}
      {creditors.data ? (
        <Table.ScrollContainer minWidth={880}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="creditor-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('creditors.columns.name')}</Table.Th>
                <Table.Th>{t('creditors.columns.siren')}</Table.Th>
                <Table.Th>{t('creditors.columns.city')}</Table.Th>
                <Table.Th>{t('creditors.columns.contact')}</Table.Th>
                <Table.Th>{t('creditors.columns.defaultAgent')}</Table.Th>
                <Table.Th>{t('creditors.columns.letters')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="md" data-testid="creditor-table-empty">
                      {t('creditors.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {items.map((c) => {
                // What the API's mention check would refuse in every letter of this creditor.
                const gaps = c.letterGaps;
                return (
                  <Table.Tr
                    key={c.id}
                    data-testid="creditor-row"
                    data-creditor-id={c.id}
                    onClick={() => navigate(`/settings/creditors/${c.id}`)}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td>
                      <Anchor {...linkProps(`/settings/creditors/${c.id}`, { isolated: true })} fz="sm" fw={500}>
                        {c.legalName}
                      </Anchor>
                      {c.tradeName ? (
                        <Text size="xs" c="dimmed">
                          {c.tradeName}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.siren ?? '—'}</Table.Td>
                    <Table.Td>{c.address.city ?? '—'}</Table.Td>
                    <Table.Td>{c.recoveryContact?.name ?? c.email ?? '—'}</Table.Td>
                    <Table.Td data-testid="creditor-row-default-agent">{agentOf.get(c.id) ?? '—'}</Table.Td>
                    <Table.Td data-testid="creditor-row-readiness">
                      {gaps.length === 0 ? (
                        <Badge color="green" variant="light" miw="max-content">
                          {t('creditors.ready')}
                        </Badge>
                      ) : (
                        <Text size="sm" c="orange.8">
                          {t('creditors.missing', { fields: gaps.map((g) => t(`creditors.missingFields.${g}`)).join(', ') })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
