import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus } from '../api/types';

const COLORS: Record<InvoiceStatus, string> = {
  due: 'blue',
  overdue: 'red',
  disputed: 'orange',
  paid: 'green',
};

/** The invoice status as computed by the API, with its French label. */
export function StatusBadge({ status }: { readonly status: InvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
