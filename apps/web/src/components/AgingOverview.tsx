import { AGING_BUCKETS, parseDecimalAmount } from '@amiable/domain';
import { Box, Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgingBucket, AgingLine } from '../api/types';
import { useLinkProps } from '../lib/links';
import { useFormat } from '../lib/use-format';

export const BUCKET_COLORS: Record<AgingBucket, string> = {
  'not-due': 'teal',
  '1-30': 'yellow',
  '31-60': 'orange',
  '61-90': 'red.5',
  '91-180': 'red.7',
  'over-180': 'red.9',
  'no-due-date': 'gray',
};

interface AgingOverviewProps {
  readonly lines: readonly AgingLine[];
  /** Where a bucket card leads (the invoice list filtered on it); plain cards when absent. */
  readonly hrefFor?: (bucket: AgingBucket) => string;
  readonly defaultCurrency?: string;
}

function currenciesOf(lines: readonly AgingLine[], fallback: string): string[] {
  const currencies = [...new Set(lines.map((line) => line.currency))];
  return currencies.length > 0 ? currencies.sort() : [fallback];
}

/** One stacked bar per currency (widths only, the figures are in the cards). */
function AgingBar({ lines, currency }: { readonly lines: readonly AgingLine[]; readonly currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cents = AGING_BUCKETS.map((bucket) => {
    const line = lines.find((candidate) => candidate.bucket === bucket && candidate.currency === currency);
    return { bucket, cents: line ? Math.max(0, parseDecimalAmount(line.amount) ?? 0) : 0 };
  });
  const total = cents.reduce((sum, entry) => sum + entry.cents, 0);
  if (total === 0) return null;
  return (
    <Box>
      <Text size="sm" fw={500} mb={4}>
        {t('dashboard.breakdown', { currency })}
      </Text>
      <Progress.Root size={24} aria-label={t('dashboard.breakdown', { currency })}>
        {cents
          .filter((entry) => entry.cents > 0)
          .map((entry) => {
            const label = t('dashboard.bucketAmount', {
              bucket: t(`buckets.${entry.bucket}`),
              amount: format.cents(entry.cents, currency),
            });
            return (
              <Tooltip key={entry.bucket} label={label} withArrow>
                <Progress.Section value={(entry.cents / total) * 100} color={BUCKET_COLORS[entry.bucket]} aria-label={label} />
              </Tooltip>
            );
          })}
      </Progress.Root>
    </Box>
  );
}

function BucketContent({
  bucket,
  label,
  amounts,
  count,
}: {
  readonly bucket: AgingBucket;
  readonly label: string;
  readonly amounts: readonly string[];
  readonly count: number;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap">
        <Box w={10} h={10} bg={BUCKET_COLORS[bucket]} style={{ borderRadius: 2, flexShrink: 0 }} aria-hidden="true" />
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
      </Group>
      {amounts.map((amount) => (
        <Text key={amount} fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
          {amount}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        {t('invoiceCount', { count })}
      </Text>
    </Stack>
  );
}

/** Balance âgée: a card per bucket with its amount per currency and its invoice count. */
export function AgingOverview({ lines, hrefFor, defaultCurrency = 'EUR' }: AgingOverviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  const currencies = currenciesOf(lines, defaultCurrency);

  return (
    <Stack gap="md">
      {currencies.map((currency) => (
        <AgingBar key={currency} lines={lines} currency={currency} />
      ))}
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
        {AGING_BUCKETS.map((bucket) => {
          const bucketLines = lines.filter((line) => line.bucket === bucket);
          const count = bucketLines.reduce((sum, line) => sum + line.count, 0);
          const label = t(`buckets.${bucket}`);
          const amounts =
            bucketLines.length > 0
              ? bucketLines.map((line) => format.amount(line.amount, line.currency))
              : currencies.map((currency) => format.cents(0, currency));
          const testId = `aging-bucket-${bucket}`;
          return hrefFor ? (
            <Paper
              key={bucket}
              component="a"
              {...linkProps(hrefFor(bucket))}
              withBorder
              p="sm"
              radius="md"
              data-testid={testId}
              data-bucket={bucket}
              aria-label={`${t('dashboard.openBucket', { bucket: label })} — ${amounts.join(', ')}, ${t('invoiceCount', { count })}`}
              style={{ textDecoration: 'none', color: 'inherit' }}
            >
              <BucketContent bucket={bucket} label={label} amounts={amounts} count={count} />
            </Paper>
          ) : (
            <Paper key={bucket} withBorder p="sm" radius="md" data-testid={testId} data-bucket={bucket}>
              <BucketContent bucket={bucket} label={label} amounts={amounts} count={count} />
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
