import { Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface DateLine {
  readonly key: number;
  readonly date: string;
}

interface InterruptionsEditorProps {
  readonly dates: readonly DateLine[];
  readonly onChange: (dates: DateLine[]) => void;
  /** The message to show under an input, by API field path ("interruptions.0"). */
  readonly errorFor: (field: string, label: string) => string | undefined;
}

/** Acknowledgments of debt and partial payments: each starts the limitation period again. */
export function InterruptionsEditor({ dates, onChange, errorFor }: InterruptionsEditorProps) {
  const { t } = useTranslation();
  const add = () => {
    const key = dates.reduce((max, line) => Math.max(max, line.key), 0) + 1;
    onChange([...dates, { key, date: '' }]);
  };

  return (
    <Stack gap="xs" data-testid="prescription-interruptions">
      <div>
        <Text size="sm" fw={500}>
          {t('calculator.prescription.interruptions')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('calculator.prescription.interruptionsHelp')}
        </Text>
      </div>
      {dates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('calculator.prescription.interruptionsEmpty')}
        </Text>
      ) : null}
      {dates.map((line, index) => {
        const label = t('calculator.prescription.interruption', { index: index + 1 });
        return (
          <Group key={line.key} align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              type="date"
              label={label}
              value={line.date}
              onChange={(event) => {
                const date = event.currentTarget.value;
                onChange(dates.map((other) => (other.key === line.key ? { ...other, date } : other)));
              }}
              error={errorFor(`interruptions.${index}`, label)}
              data-testid={`prescription-interruption-${index}`}
            />
            <CloseButton
              mt={28}
              aria-label={t('calculator.prescription.removeInterruption', { index: index + 1 })}
              onClick={() => onChange(dates.filter((other) => other.key !== line.key))}
              data-testid={`prescription-remove-interruption-${index}`}
            />
          </Group>
        );
      })}
      <Group>
        <Button size="xs" variant="light" onClick={add} data-testid="prescription-add-interruption">
          {t('calculator.prescription.addInterruption')}
        </Button>
      </Group>
    </Stack>
  );
}
