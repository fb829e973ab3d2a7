import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScenarioDto } from '../../api/types';
import { useFormat } from '../../lib/use-format';
import { CHANNEL_ICONS, offsetLabel } from './channels';

interface ScenarioListProps {
  readonly scenarios: readonly ScenarioDto[];
  readonly selectedId: string | null;
  readonly onOpen: (id: string) => void;
}

/** The tenant's scenarios with a glance at their steps; "Ouvrir" loads one in the editor. */
export function ScenarioList({ scenarios, selectedId, onOpen }: ScenarioListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const prefix = t('recovery.dayPrefix');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="scenario-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('recovery.scenarios.columns.name')}</Table.Th>
            <Table.Th>{t('recovery.scenarios.columns.steps')}</Table.Th>
            <Table.Th>{t('recovery.scenarios.columns.updatedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scenarios.map((scenario) => (
            <Table.Tr
              key={scenario.id}
              data-testid="scenario-row"
              data-scenario-id={scenario.id}
              bg={scenario.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {scenario.name}
                  </Text>
                  {scenario.isDefault ? (
                    <Badge size="sm" variant="light" data-testid="scenario-default-badge">
                      {t('recovery.scenarios.isDefault')}
                    </Badge>
                  ) : null}
                </Group>
                {scenario.description ? (
                  <Text size="xs" c="dimmed">
                    {scenario.description}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t('recovery.scenarios.steps', { count: scenario.steps.length })}
                </Text>
                <Text size="xs">
                  {scenario.steps.map((step) => `${offsetLabel(prefix, step.offsetDays)} ${CHANNEL_ICONS[step.channel]}`).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(scenario.updatedAt)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => onOpen(scenario.id)} data-testid="scenario-open">
                  {t('recovery.scenarios.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
