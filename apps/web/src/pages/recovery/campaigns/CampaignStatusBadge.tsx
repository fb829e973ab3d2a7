import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../../api/types';

const COLORS: Record<CampaignStatus, string> = { draft: 'gray', sending: 'blue', done: 'green', cancelled: 'orange' };

export function CampaignStatusBadge({ status }: { readonly status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" data-testid="campaign-status" data-status={status}>
      {t(`recovery.campaigns.status.${status}`)}
    </Badge>
  );
}
