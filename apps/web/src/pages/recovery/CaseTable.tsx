import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CaseSummary } from '../../api/types';
import { useLinkProps } from '../../lib/links';
import { useFormat } from '../../lib/use-format';
import { CaseStateBadge } from './CaseStateBadge';
import { RECOVERY_CURRENCY } from './DispatchHeader';
import { LastActionCell } from './LastActionCell';

/** Ticked rows, for a manager's action on many cases at once. */
export interface CaseSelection {
  readonly selected: ReadonlySet<string>;
  readonly toggle: (id: string) => void;
  /** Ticks every listed case, or none. */
  readonly toggleAll: (on: boolean) => void;
}

/** The cases, one row each; a row opens the case page, the debtor's name its page. */
export function CaseTable({ cases, selection }: { readonly cases: readonly CaseSummary[]; readonly selection?: CaseSelection }) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  const [, navigate] = useLocation();
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={1120}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="case-table">
        <Table.Thead>
          <Table.Tr>
            {selection ? (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('recovery.cases.bulk.all')}
                  checked={cases.length > 0 && cases.every((c) => selection.selected.has(c.id))}
                  indeterminate={cases.some((c) => selection.selected.has(c.id)) && !cases.every((c) => selection.selected.has(c.id))}
                  disabled={cases.length === 0}
                  onChange={(event) => selection.toggleAll(event.currentTarget.checked)}
                  data-testid="case-select-all"
                />
              </Table.Th>
            ) : null}
            <Table.Th>{t('recovery.cases.columns.debtor')}</Table.Th>
            <Table.Th>{t('recovery.cases.columns.creditor')}</Table.Th>
            <Table.Th>{t('recovery.cases.columns.state')}</Table.Th>
            <Table.Th style={right}>{t('recovery.cases.columns.openInvoices')}</Table.Th>
            <Table.Th style={right}>{t('recovery.cases.columns.outstanding')}</Table.Th>
            <Table.Th>{t('recovery.cases.columns.assignee')}</Table.Th>
            <Table.Th>{t('recovery.cases.columns.lastAction')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={selection ? 8 : 7}>
                <Text c="dimmed" ta="center" py="md" data-testid="case-table-empty">
                  {t('recovery.cases.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {cases.map((row) => (
            <Table.Tr
              key={row.id}
              data-testid="case-row"
              data-case-id={row.id}
              data-state={row.state}
              onClick={() => navigate(`/recovery/cases/${row.id}`)}
              style={{ cursor: 'pointer' }}
            >
              {selection ? (
                // The cell swallows the click, so ticking a row does not open the case.
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  <Checkbox
                    aria-label={t('recovery.cases.bulk.one', { name: row.debtor.name })}
                    checked={selection.selected.has(row.id)}
                    onChange={() => selection.toggle(row.id)}
                    data-testid="case-select"
                  />
                </Table.Td>
              ) : null}
              <Table.Td>
                <Anchor {...linkProps(`/debtors/${row.debtor.id}`, { isolated: true })} fz="sm" fw={500}>
                  {row.debtor.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{row.creditor.name}</Table.Td>
              <Table.Td>
                <CaseStateBadge state={row.state} />
              </Table.Td>
              <Table.Td style={right}>{row.openInvoices}</Table.Td>
              <Table.Td style={right}>{format.amount(row.outstanding, RECOVERY_CURRENCY)}</Table.Td>
              <Table.Td data-testid="case-row-assignee">{row.assignee?.name ?? '—'}</Table.Td>
              <Table.Td>
                <LastActionCell action={row.lastAction} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
