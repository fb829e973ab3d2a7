import { Code, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS } from './scenario-form';

/** The placeholders a template may use, each with what it becomes. */
export function PlaceholderHelp() {
  const { t } = useTranslation();
  return (
    <div data-testid="placeholder-help">
      <Text size="xs" c="dimmed" mb={4}>
        {t('recovery.scenarios.step.placeholders')}
      </Text>
      <Group gap={8}>
        {PLACEHOLDERS.map((name) => (
          <Text key={name} size="xs" span>
            <Code>{`{{${name}}}`}</Code> {t(`recovery.scenarios.placeholders.${name}`)}
          </Text>
        ))}
      </Group>
    </div>
  );
}
