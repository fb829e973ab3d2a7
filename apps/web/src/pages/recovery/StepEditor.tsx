import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlaceholderHelp } from './PlaceholderHelp';
import { TemplateFields } from './TemplateFields';
import { CHANNELS, CHANNEL_ICONS } from './channels';
import {
  LETTER_CHANNELS,
  STEP_LETTER_TYPES,
  STEP_DEBTOR_KINDS,
  type StepDebtorKind,
  type StepForm,
  type StepProblems,
  TEMPLATE_LOCALES,
} from './scenario-form';

interface StepEditorProps {
  readonly step: StepForm;
  readonly onChange: (step: StepForm) => void;
  /** Absent in read-only mode, or for the last step (a scenario keeps at least one). */
  readonly onRemove?: (() => void) | undefined;
  readonly issues: ReadonlyMap<string, string> | undefined;
  readonly problems: StepProblems[string] | undefined;
}

/** Every field of one step: id, day, channel, approval, conditions and the FR and EN templates. */
export function StepEditor({ step, onChange, onRemove, issues, problems }: StepEditorProps) {
  const { t } = useTranslation();
  const set = <K extends keyof StepForm>(field: K, value: StepForm[K]) => onChange({ ...step, [field]: value });
  const problem = (field: 'offsetDays' | 'minOutstanding') => {
    const found = problems?.[field];
    return found === 'invalidOffset'
      ? t('recovery.scenarios.editor.invalidOffset')
      : found
        ? t('recovery.invalidAmount')
        : issues?.get(field);
  };
  const toggleKind = (kind: StepDebtorKind, checked: boolean) =>
    set(
      'debtorKinds',
      checked ? STEP_DEBTOR_KINDS.filter((k) => k === kind || step.debtorKinds.includes(k)) : step.debtorKinds.filter((k) => k !== kind),
    );

  return (
    <Stack gap="sm" data-testid="step-editor" data-step-key={step.key}>
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('recovery.scenarios.step.title', { id: step.id || '—' })}
        </Title>
        {onRemove ? (
          <Button size="xs" color="red" variant="subtle" onClick={onRemove} data-testid="step-remove">
            {t('recovery.scenarios.editor.removeStep')}
          </Button>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('recovery.scenarios.step.id')}
          description={t('recovery.scenarios.step.idHelp')}
          value={step.id}
          onChange={(event) => set('id', event.currentTarget.value)}
          error={issues?.get('id')}
          maxLength={60}
          required
          data-testid="step-id"
        />
        <TextInput
          label={t('recovery.scenarios.step.offsetDays')}
          description={t('recovery.scenarios.step.offsetHelp')}
          value={step.offsetDays}
          onChange={(event) => set('offsetDays', event.currentTarget.value)}
          error={problem('offsetDays')}
          inputMode="numeric"
          required
          data-testid="step-offset-days"
        />
        <NativeSelect
          label={t('recovery.scenarios.step.channel')}
          description=" "
          value={step.channel}
          onChange={(event) => set('channel', event.currentTarget.value as StepForm['channel'])}
          data={CHANNELS.map((channel) => ({ value: channel, label: `${CHANNEL_ICONS[channel]} ${t(`recovery.channels.${channel}`)}` }))}
          error={issues?.get('channel')}
          data-testid="step-channel"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('recovery.scenarios.step.minOutstanding')}
          value={step.minOutstanding}
          onChange={(event) => set('minOutstanding', event.currentTarget.value)}
          error={problem('minOutstanding')}
          inputMode="decimal"
          data-testid="step-min-outstanding"
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('recovery.scenarios.step.debtorKinds')}
          </Text>
          <Group gap="md">
            {STEP_DEBTOR_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                label={t(`debtor.kinds.${kind}`)}
                checked={step.debtorKinds.includes(kind)}
                onChange={(event) => toggleKind(kind, event.currentTarget.checked)}
                data-testid={`step-kind-${kind}`}
              />
            ))}
          </Group>
        </Stack>
      </SimpleGrid>
      {LETTER_CHANNELS.includes(step.channel) ? (
        <NativeSelect
          label={t('recovery.scenarios.step.letter')}
          description={t(step.channel === 'email' ? 'recovery.scenarios.step.letterHelpEmail' : 'recovery.scenarios.step.letterHelpPost')}
          value={step.letter}
          onChange={(event) => set('letter', event.currentTarget.value)}
          data={[
            {
              value: '',
              label:
                step.channel === 'email'
                  ? t('recovery.scenarios.step.letterNoneEmail')
                  : t('recovery.scenarios.step.letterDefault', {
                      type: t(`recovery.scenarios.step.letterTypes.${step.channel === 'registered-letter' ? 'formal-notice' : 'reminder'}`),
                    }),
            },
            ...STEP_LETTER_TYPES.map((type) => ({ value: type, label: t(`recovery.scenarios.step.letterTypes.${type}`) })),
          ]}
          error={issues?.get('letter')}
          data-testid="step-letter"
        />
      ) : null}
      <Checkbox
        label={t('recovery.scenarios.step.requiresApproval')}
        checked={step.requiresApproval}
        onChange={(event) => set('requiresApproval', event.currentTarget.checked)}
        data-testid="step-requires-approval"
      />
      <Text size="sm" fw={500}>
        {t('recovery.scenarios.step.templates')}
      </Text>
      {issues?.get('templates') ? (
        <Text size="sm" c="red.8" data-testid="step-templates-error">
          {issues.get('templates')}
        </Text>
      ) : null}
      <PlaceholderHelp />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        {TEMPLATE_LOCALES.map((locale) => (
          <TemplateFields
            key={locale}
            locale={locale}
            value={step.templates[locale]}
            onChange={(value) => set('templates', { ...step.templates, [locale]: value })}
            issues={issues}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
