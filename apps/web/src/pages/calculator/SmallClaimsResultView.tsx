import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SmallClaimsResult } from '../../api/types';
import { useFormat } from '../../lib/use-format';
import { Figure } from './Figure';

const REASONS = ['within-limit', 'over-limit', 'cause-not-eligible'] as const;
type KnownReason = (typeof REASONS)[number];
const isKnownReason = (reason: string): reason is KnownReason => (REASONS as readonly string[]).includes(reason);

export function SmallClaimsResultView({ result }: { readonly result: SmallClaimsResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = format.amount(result.total, 'EUR');
  const limit = format.amount(result.limit, 'EUR');
  // The engine gives a reason code; anything else is shown as the server wrote it.
  const reason = isKnownReason(result.reason) ? t(`calculator.smallClaims.reasons.${result.reason}`) : result.reason;
  return (
    <Stack gap="md" data-testid="small-claims-result" data-eligible={String(result.eligible)} aria-live="polite">
      <Alert
        color={result.eligible ? 'green' : 'orange'}
        title={t(`calculator.smallClaims.${result.eligible ? 'eligible' : 'notEligible'}`)}
      >
        <Text size="sm">{reason}</Text>
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Figure label={t('calculator.smallClaims.total')} testId="small-claims-total" strong>
          {t('calculator.smallClaims.totalVsLimit', { total, limit })}
        </Figure>
        <Figure label={t('calculator.smallClaims.limit')} testId="small-claims-limit">
          {limit}
        </Figure>
        <Figure label={t('calculator.smallClaims.article')} testId="small-claims-article">
          {result.article}
        </Figure>
      </SimpleGrid>
    </Stack>
  );
}
