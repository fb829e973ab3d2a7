import { Button, Checkbox, Fieldset, Grid, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveScenario } from '../../api/recovery-settings';
import type { ScenarioDto } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { useFormat } from '../../lib/use-format';
import { StepEditor } from './StepEditor';
import { StepTimeline } from './StepTimeline';
import { issuesByField, issuesByItem, shownIssueFields } from './issues';
import { type ScenarioForm, type StepForm, type StepProblems, newStep, scenarioBody, scenarioFormOf } from './scenario-form';

const STEP_FIELDS = /^steps\[\d+\](\.(id|offsetDays|channel|minOutstanding|templates(\.(fr|en)(\.(subject|body))?)?))?$/;

interface ScenarioEditorProps {
  /** null: a new scenario. */
  readonly scenario: ScenarioDto | null;
  readonly readOnly: boolean;
  readonly onSaved: (scenario: ScenarioDto) => void;
  readonly onClose: () => void;
}

/** Name, default flag and steps of one scenario; saves with PUT (or POST when new) and shows the API's field errors. */
export function ScenarioEditor({ scenario, readOnly, onSaved, onClose }: ScenarioEditorProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form, setForm] = useState<ScenarioForm>(() => scenarioFormOf(scenario, format.language));
  const [selectedKey, setSelectedKey] = useState<string | null>(form.steps[0]?.key ?? null);
  const [problems, setProblems] = useState<StepProblems>({});
  const save = useSaveScenario();
  const fieldIssues = issuesByField(save.error);
  const stepIssues = useMemo(() => issuesByItem(save.error, 'steps', save.variables?.sentKeys ?? []), [save.error, save.variables]);
  const withErrors = useMemo(() => new Set([...stepIssues.keys(), ...Object.keys(problems)]), [stepIssues, problems]);
  const selected = form.steps.find((step) => step.key === selectedKey) ?? null;

  const setStep = (next: StepForm) =>
    setForm((current) => ({ ...current, steps: current.steps.map((s) => (s.key === next.key ? next : s)) }));
  const addStep = () => {
    const step = newStep(form.steps);
    setForm((current) => ({ ...current, steps: [...current.steps, step] }));
    setSelectedKey(step.key);
  };
  const removeStep = (key: string) => {
    const rest = form.steps.filter((step) => step.key !== key);
    setForm((current) => ({ ...current, steps: rest }));
    setSelectedKey(rest[0]?.key ?? null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = scenarioBody(form, format.parseAmount);
    if ('problems' in outcome) {
      setProblems(outcome.problems);
      setSelectedKey(Object.keys(outcome.problems)[0] ?? selectedKey);
      save.reset();
      return;
    }
    setProblems({});
    save.mutate(
      { id: scenario?.id ?? null, body: outcome.body, sentKeys: outcome.keys },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('recovery.scenarios.editor.saved', { name: saved.name }) });
          onSaved(saved);
        },
        onError: (error, variables) => {
          // Open the first refused step, so its message is in sight.
          const first = [...issuesByItem(error, 'steps', variables.sentKeys).keys()][0];
          if (first) setSelectedKey(first);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="scenario-editor">
      <Stack gap="md">
        <FormErrors
          error={save.error}
          fields={shownIssueFields(save.error, (field) => ['name', 'description'].includes(field) || STEP_FIELDS.test(field))}
        />
        <Fieldset disabled={readOnly} variant="unstyled">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <TextInput
                label={t('recovery.scenarios.editor.name')}
                value={form.name}
                onChange={(event) => {
                  const name = event.currentTarget.value;
                  setForm((current) => ({ ...current, name }));
                }}
                error={fieldIssues.get('name')}
                maxLength={120}
                required
                data-testid="scenario-name"
              />
              <Checkbox
                mt={30}
                label={t('recovery.scenarios.editor.isDefault')}
                checked={form.isDefault}
                onChange={(event) => {
                  const isDefault = event.currentTarget.checked;
                  setForm((current) => ({ ...current, isDefault }));
                }}
                data-testid="scenario-default"
              />
            </Group>
            <Textarea
              label={t('recovery.scenarios.editor.description')}
              value={form.description}
              onChange={(event) => {
                const description = event.currentTarget.value;
                setForm((current) => ({ ...current, description }));
              }}
              error={fieldIssues.get('description')}
              autosize
              minRows={1}
              maxLength={2000}
              data-testid="scenario-description"
            />
          </Stack>
        </Fieldset>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="xs">
              <Text fw={600}>{t('recovery.scenarios.editor.timeline')}</Text>
              <Text size="xs" c="dimmed">
                {t('recovery.scenarios.editor.timelineHelp')}
              </Text>
              <StepTimeline steps={form.steps} selectedKey={selectedKey} onSelect={setSelectedKey} withErrors={withErrors} />
              {readOnly ? null : (
                <Button variant="light" size="xs" onClick={addStep} style={{ alignSelf: 'flex-start' }} data-testid="step-add">
                  {t('recovery.scenarios.editor.addStep')}
                </Button>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selected ? (
              <Fieldset disabled={readOnly} variant="unstyled">
                <StepEditor
                  key={selected.key}
                  step={selected}
                  onChange={setStep}
                  onRemove={readOnly || form.steps.length <= 1 ? undefined : () => removeStep(selected.key)}
                  issues={stepIssues.get(selected.key)}
                  problems={problems[selected.key]}
                />
              </Fieldset>
            ) : null}
          </Grid.Col>
        </Grid>
        <Group gap="xs">
          {readOnly ? null : (
            <Button type="submit" loading={save.isPending} data-testid="scenario-save">
              {t('recovery.scenarios.editor.save')}
            </Button>
          )}
          <Button variant="default" onClick={onClose} data-testid="scenario-close">
            {t('recovery.scenarios.editor.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
