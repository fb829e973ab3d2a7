import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRunPlanner } from '../../api/recovery-cases';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/use-format';

/** A manager runs today's planning now instead of waiting for the morning run, and sees what it did. */
export function PlanButton() {
  const { t } = useTranslation();
  const format = useFormat();
  const plan = useRunPlanner();
  const count = (label: string, value: number, testId: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button onClick={() => plan.mutate()} loading={plan.isPending} data-testid="plan-run">
          {t('recovery.preview.plan.run')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('recovery.preview.plan.help')}
        </Text>
      </Group>
      {plan.isError ? <ErrorAlert error={plan.error} /> : null}
      {plan.data ? (
        <Alert
          color="green"
          variant="light"
          title={t('recovery.preview.plan.result', { date: format.date(plan.data.date) })}
          data-testid="plan-result"
        >
          <SimpleGrid cols={3} spacing="sm">
            {count(t('recovery.preview.plan.cases'), plan.data.cases, 'plan-cases')}
            {count(t('recovery.preview.plan.planned'), plan.data.planned, 'plan-planned')}
            {count(t('recovery.preview.plan.created'), plan.data.created, 'plan-created')}
          </SimpleGrid>
        </Alert>
      ) : null}
    </Stack>
  );
}
