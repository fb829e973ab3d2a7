import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCases, usePreview } from '../../api/recovery-cases';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSession } from '../../components/Session';
import { canManageRecovery } from '../../lib/permissions';
import { useFormat } from '../../lib/use-format';
import { PlanButton } from './PlanButton';
import { PlannedActionsTable } from './PlannedActionsTable';

const PERIODS = [7, 14, 30] as const;

/** The planner's dry run over the next days (nothing is written), and the button to plan today now. */
export function PreviewTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const [days, setDays] = useState<number>(14);
  const preview = usePreview(days);
  // The preview names debtors by id only: their names come from the cases already open.
  const cases = useCases({ limit: 500 });
  const debtorNames = useMemo(() => new Map((cases.data ?? []).map((c) => [c.debtor.id, c.debtor.name])), [cases.data]);

  return (
    <Stack gap="md">
      {canManageRecovery(me.role) ? <PlanButton /> : null}
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          {preview.data
            ? t('recovery.preview.from', { from: format.date(preview.data.from), days: preview.data.days })
            : t('recovery.preview.intro')}
        </Text>
        <SegmentedControl
          aria-label={t('recovery.preview.period')}
          value={String(days)}
          onChange={(value) => setDays(Number(value))}
          data={PERIODS.map((period) => ({ value: String(period), label: t('recovery.preview.days', { count: period }) }))}
          data-testid="preview-days"
        />
      </Group>
      {preview.isPending ? <Loading /> : null}
      {preview.isError ? <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} /> : null}
      {preview.data ? (
        <PlannedActionsTable
          actions={preview.data.actions}
          empty={t('recovery.preview.empty')}
          debtorNames={debtorNames}
          testId="preview-table"
        />
      ) : null}
    </Stack>
  );
}
