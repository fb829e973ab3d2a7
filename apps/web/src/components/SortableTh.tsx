import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SortOrder = 'asc' | 'desc';

interface SortableThProps<S extends string> {
  readonly column: S;
  readonly sort: S;
  readonly order: SortOrder;
  readonly onSort: (column: S, order: SortOrder) => void;
  readonly children: ReactNode;
  readonly label: string;
  readonly align?: 'left' | 'right';
}

/** A header that asks the server for another sort: first click ascending, second click descending. */
export function SortableTh<S extends string>({ column, sort, order, onSort, children, label, align = 'left' }: SortableThProps<S>) {
  const { t } = useTranslation();
  const active = column === sort;
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  const next: SortOrder = active && order === 'asc' ? 'desc' : 'asc';
  const arrow = active ? (order === 'asc' ? '▲' : '▼') : '↕';
  return (
    <Table.Th aria-sort={ariaSort} style={{ textAlign: align, whiteSpace: 'nowrap' }}>
      <UnstyledButton
        onClick={() => onSort(column, next)}
        title={t('common.sortBy', { column: label })}
        data-testid={`sort-${column}`}
        fw={600}
        fz="sm"
      >
        {children}{' '}
        <span aria-hidden="true" style={{ opacity: active ? 1 : 0.35 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}
