import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDelivery } from '../../api/types';

const COLORS: Record<DocumentDelivery, string> = {
  'to-print': 'orange',
  'awaiting-registered-sending': 'yellow',
  attached: 'blue',
  sent: 'green',
};

/** Where a document stands: to print, waiting for the registered-letter service, attached to an e-mail, sent. */
export function DeliveryBadge({ delivery }: { readonly delivery: DocumentDelivery }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={COLORS[delivery]} data-testid="document-delivery" data-delivery={delivery}>
      {t(`letters.documents.delivery.${delivery}`)}
    </Badge>
  );
}
