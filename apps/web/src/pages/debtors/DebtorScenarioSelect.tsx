import { Loader, NativeSelect, Paper, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScenarios, useSetDebtorScenario } from '../../api/recovery-settings';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The option that hands the debtor back to the segment rules (sent as scenarioId: null). */
const SEGMENTS = 'segments';

/**
 * A manager gives the debtor a scenario of its own, or sends it back to the segment rules
 * (PUT /api/debtors/{id}/scenario). The select starts on the debtor's current choice (scenarioId of
 * the debtor; null: the segment rules).
 */
export function DebtorScenarioSelect({ debtorId, current }: { readonly debtorId: string; readonly current?: string | null | undefined }) {
  const { t } = useTranslation();
  const scenarios = useScenarios();
  const [value, setValue] = useState(current === undefined ? '' : (current ?? SEGMENTS));
  const save = useSetDebtorScenario(debtorId);

  const choose = (next: string) => {
    if (!next) return;
    const previous = value;
    setValue(next);
    save.mutate(next === SEGMENTS ? null : next, {
      onSuccess: () => notifications.show({ color: 'green', message: t('recovery.debtorScenario.saved') }),
      onError: () => setValue(previous),
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" data-testid="debtor-scenario-section">
      <Stack gap="xs">
        <NativeSelect
          label={t('recovery.debtorScenario.label')}
          description={t('recovery.debtorScenario.help')}
          value={value}
          onChange={(event) => choose(event.currentTarget.value)}
          data={[
            ...(value ? [] : [{ value: '', label: t('recovery.debtorScenario.choose'), disabled: true }]),
            { value: SEGMENTS, label: t('recovery.debtorScenario.segments') },
            ...(scenarios.data ?? []).map((scenario) => ({ value: scenario.id, label: scenario.name })),
          ]}
          disabled={save.isPending || scenarios.isPending}
          rightSection={save.isPending ? <Loader size="xs" /> : undefined}
          error={scenarios.isError ? scenarios.error.message : undefined}
          data-testid="debtor-scenario"
        />
        {save.isError ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Paper>
  );
}
