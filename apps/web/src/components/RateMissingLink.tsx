import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useLinkProps } from '../lib/links';

/** After a RATE_MISSING refusal (a half-year missing from the rates table), the way to the table; nothing otherwise. */
export function RateMissingLink({ error, testId }: { readonly error: unknown; readonly testId: string }) {
  const { t } = useTranslation();
  const linkProps = useLinkProps();
  if (!isApiError(error) || error.code !== 'RATE_MISSING') return null;
  return (
    <Anchor {...linkProps('/settings/rates')} size="sm" data-testid={testId}>
      {t('calculator.openRates')}
    </Anchor>
  );
}
