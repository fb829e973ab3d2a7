import { ActionIcon, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScenarioDto } from '../../api/types';
import type { RuleForm, RuleProblem, RuleTextField } from './segment-form';

interface SegmentRuleRowProps {
  readonly rule: RuleForm;
  readonly index: number;
  readonly count: number;
  readonly scenarios: readonly ScenarioDto[];
  readonly onChange: (rule: RuleForm) => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onRemove: () => void;
  readonly issues: ReadonlyMap<string, string> | undefined;
  readonly problems: Partial<Record<RuleTextField, RuleProblem>> | undefined;
  readonly readOnly: boolean;
}

/** One segment rule: its name, its scenario and the criteria a debtor must all meet. */
export function SegmentRuleRow({
  rule,
  index,
  count,
  scenarios,
  onChange,
  onMove,
  onRemove,
  issues,
  problems,
  readOnly,
}: SegmentRuleRowProps) {
  const { t } = useTranslation();
  const position = index + 1;
  const text = (field: RuleTextField, extra: { inputMode?: 'decimal' | 'numeric'; maxLength?: number } = {}) => {
    const problem = problems?.[field];
    return (
      <TextInput
        label={t(`recovery.segments.fields.${field}`)}
        value={rule[field]}
        onChange={(event) => onChange({ ...rule, [field]: event.currentTarget.value })}
        error={
          problem === 'invalidAmount'
            ? t('recovery.invalidAmount')
            : problem === 'invalidDays'
              ? t('recovery.segments.invalidDays')
              : issues?.get(field)
        }
        required={field === 'name'}
        data-testid={`segment-field-${field}-${index}`}
        {...extra}
      />
    );
  };
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="segment-rule" data-rule-key={rule.key}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('recovery.segments.rule', { position })}
          </Text>
          {readOnly ? null : (
            <Group gap={4}>
              <ActionIcon
                variant="subtle"
                onClick={() => onMove(-1)}
                disabled={index === 0}
                aria-label={t('recovery.segments.moveUp', { position })}
                data-testid={`segment-up-${index}`}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                onClick={() => onMove(1)}
                disabled={index === count - 1}
                aria-label={t('recovery.segments.moveDown', { position })}
                data-testid={`segment-down-${index}`}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onRemove}
                aria-label={t('recovery.segments.remove', { position })}
                data-testid={`segment-remove-${index}`}
              >
                ✕
              </ActionIcon>
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
          {text('name', { maxLength: 120 })}
          <NativeSelect
            label={t('recovery.segments.fields.scenarioId')}
            value={rule.scenarioId}
            onChange={(event) => onChange({ ...rule, scenarioId: event.currentTarget.value })}
            data={[
              { value: '', label: t('recovery.segments.chooseScenario') },
              ...scenarios.map((scenario) => ({ value: scenario.id, label: scenario.name })),
            ]}
            error={issues?.get('scenarioId')}
            required
            data-testid={`segment-field-scenarioId-${index}`}
          />
          <NativeSelect
            label={t('recovery.segments.fields.debtorKind')}
            value={rule.debtorKind}
            onChange={(event) => onChange({ ...rule, debtorKind: event.currentTarget.value as RuleForm['debtorKind'] })}
            data={[
              { value: '', label: t('recovery.segments.anyKind') },
              { value: 'business', label: t('debtor.kinds.business') },
              { value: 'consumer', label: t('debtor.kinds.consumer') },
            ]}
            error={issues?.get('debtorKind')}
            data-testid={`segment-field-debtorKind-${index}`}
          />
          {text('tag', { maxLength: 40 })}
          {text('minOutstanding', { inputMode: 'decimal' })}
          {text('maxOutstanding', { inputMode: 'decimal' })}
          {text('minOldestDaysOverdue', { inputMode: 'numeric' })}
          {text('minAverageDaysLate', { inputMode: 'numeric' })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
