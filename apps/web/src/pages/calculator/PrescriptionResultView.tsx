import { Divider, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PrescriptionResult } from '../../api/types';
import { useFormat } from '../../lib/use-format';
import { Figure } from './Figure';

export function PrescriptionResultView({ result }: { readonly result: PrescriptionResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md" data-testid="prescription-result" aria-live="polite">
      <Divider label={t('calculator.result')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Figure label={t('calculator.prescription.lastDay')} testId="prescription-last-day" strong>
          {format.date(result.lastDay)}
        </Figure>
        <Figure label={t('calculator.prescription.period')} testId="prescription-years">
          {t('calculator.prescription.years', { count: result.years })}
        </Figure>
        <Figure label={t('calculator.prescription.runsFrom')} testId="prescription-runs-from">
          {format.date(result.runsFrom)}
        </Figure>
        <Figure label={t('calculator.prescription.article')} testId="prescription-article">
          {result.article}
        </Figure>
      </SimpleGrid>
      {result.ignoredInterruptions.length > 0 ? (
        <div data-testid="prescription-ignored">
          <Text size="sm" fw={500}>
            {t('calculator.prescription.ignored')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('calculator.prescription.ignoredHelp')}
          </Text>
          <List size="sm">
            {result.ignoredInterruptions.map((date) => (
              <List.Item key={date}>{format.date(date)}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Stack>
  );
}
