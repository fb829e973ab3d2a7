import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { type DebtorFilters, useDebtors } from '../../api/debtors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { SortableTh } from '../../components/SortableTh';
import { useLinkProps } from '../../lib/links';
import { useFormat } from '../../lib/use-format';
import { DEFAULT_SORT, type DebtorSort, PAGE_SIZE, type SortOrder } from './filters';

interface DebtorTableProps {
  readonly filters: DebtorFilters;
  readonly onSort: (sort: DebtorSort, order: SortOrder) => void;
}

export function DebtorTable({ filters, onSort }: DebtorTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  const [, navigate] = useLocation();
  const query = useDebtors({ ...filters, limit: PAGE_SIZE });
  const sort = filters.sort ?? DEFAULT_SORT;
  const order = filters.order ?? 'asc';

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const debtors = query.data.pages.flatMap((page) => page.items);
  const th = (column: DebtorSort, label: string, align: 'left' | 'right' = 'left') => (
    <SortableTh column={column} sort={sort} order={order} onSort={onSort} label={label} align={align}>
      {label}
    </SortableTh>
  );

  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={1000}>
        <Table striped highlightOnHover data-testid="debtor-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {th('name', t('debtors.columns.name'))}
              <Table.Th>{t('debtors.columns.kind')}</Table.Th>
              <Table.Th>{t('debtors.columns.siren')}</Table.Th>
              <Table.Th>{t('debtors.columns.city')}</Table.Th>
              {th('outstanding', t('debtors.columns.outstanding'), 'right')}
              <Table.Th style={{ textAlign: 'right' }}>{t('debtors.columns.overdue')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('debtors.columns.openInvoices')}</Table.Th>
              {th('oldestDueDate', t('debtors.columns.oldestDueDate'))}
              <Table.Th>{t('debtors.columns.tags')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {debtors.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text c="dimmed" ta="center" py="md" data-testid="debtor-table-empty">
                    {t('debtors.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {debtors.map((debtor) => (
              <Table.Tr
                key={debtor.id}
                data-testid="debtor-row"
                data-debtor-id={debtor.id}
                onClick={() => navigate(`/debtors/${debtor.id}`)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>
                  <Anchor {...linkProps(`/debtors/${debtor.id}`, { isolated: true })} fz="sm" fw={500}>
                    {debtor.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={debtor.kind === 'business' ? 'indigo' : 'cyan'} size="sm">
                    {t(`debtors.kinds.${debtor.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{debtor.siren ?? '—'}</Table.Td>
                <Table.Td>{debtor.city ?? '—'}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{format.amounts(debtor.outstanding)}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} c={debtor.overdue.length > 0 ? 'red.8' : undefined}>
                  {format.amounts(debtor.overdue)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{debtor.openInvoiceCount}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(debtor.oldestDueDate)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {debtor.tags.map((tag) => (
                      <Badge key={tag} size="xs" variant="outline" color="gray">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('common.shown', { count: debtors.length })}
      </Text>
      <LoadMore
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        testId="debtor-load-more"
      />
    </Stack>
  );
}
