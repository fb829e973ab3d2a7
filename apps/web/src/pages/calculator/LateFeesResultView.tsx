import { parseDecimalAmount } from '@amiable/domain';
import { Divider, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LateFeesResult } from '../../api/types';
import { useFormat } from '../../lib/use-format';
import { Figure } from './Figure';
import { LegalNotes } from './LegalNotes';
import { PeriodsTable } from './PeriodsTable';

const CURRENCY = 'EUR';

export function LateFeesResultView({ result }: { readonly result: LateFeesResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  const euros = (amount: string) => format.amount(amount, CURRENCY);
  const overpaid = (parseDecimalAmount(result.overpaid) ?? 0) > 0;

  return (
    <Stack gap="md" data-testid="late-fees-result" aria-live="polite">
      <Divider label={t('calculator.result')} labelPosition="left" />
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="sm">
        <Figure label={t('calculator.lateFees.daysLate')} testId="late-fees-days-late">
          {result.daysLate}
        </Figure>
        <Figure label={t('calculator.lateFees.interest')} testId="late-fees-interest" strong>
          {euros(result.interest)}
        </Figure>
        <Figure label={t('calculator.lateFees.indemnity')} testId="late-fees-indemnity">
          {euros(result.indemnity)}
        </Figure>
        <Figure label={t('calculator.lateFees.principalDue')} testId="late-fees-principal-due">
          {euros(result.principalDue)}
        </Figure>
        <Figure label={t('calculator.lateFees.interestDue')} testId="late-fees-interest-due">
          {euros(result.interestDue)}
        </Figure>
        {overpaid ? (
          <Figure label={t('calculator.lateFees.overpaid')} testId="late-fees-overpaid">
            {euros(result.overpaid)}
          </Figure>
        ) : null}
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('calculator.lateFees.periods')}
        </Text>
        <PeriodsTable periods={result.periods} />
      </div>
      <LegalNotes warnings={result.warnings} articles={result.articles} testIdPrefix="late-fees" />
    </Stack>
  );
}
