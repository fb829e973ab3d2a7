import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DispatchStatus } from '../../api/types';

const COLORS: Record<DispatchStatus, string> = {
  'awaiting-approval': 'yellow',
  planned: 'blue',
  sending: 'indigo',
  sent: 'green',
  done: 'green',
  skipped: 'gray',
  uncertain: 'orange',
  failed: 'red',
  cancelled: 'gray',
};

export function DispatchStatusBadge({ status }: { readonly status: DispatchStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" miw="max-content" data-testid="dispatch-status" data-status={status}>
      {t(`recovery.dispatchStatus.${status}`)}
    </Badge>
  );
}
