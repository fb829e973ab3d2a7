import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSegments } from '../../api/recovery-settings';
import type { ScenarioDto, SegmentRules } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { useFormat } from '../../lib/use-format';
import { SegmentRuleRow } from './SegmentRuleRow';
import { issuesByItem, shownIssueFields } from './issues';
import { type RuleForm, type RuleProblems, moveRule, newRule, ruleFormOf, segmentBody } from './segment-form';

const RULE_FIELD = /^rules\[\d+\]\.(name|scenarioId|debtorKind|minOutstanding|maxOutstanding|minOldestDaysOverdue|tag|minAverageDaysLate)$/;

interface SegmentRulesFormProps {
  readonly initial: SegmentRules;
  readonly scenarios: readonly ScenarioDto[];
  readonly readOnly: boolean;
}

/** The rules as a list to edit, reorder and save at once (PUT /recovery/segments). */
export function SegmentRulesForm({ initial, scenarios, readOnly }: SegmentRulesFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [rules, setRules] = useState<RuleForm[]>(() => initial.rules.map((rule) => ruleFormOf(rule, format.language)));
  const [problems, setProblems] = useState<RuleProblems>({});
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  const save = useSaveSegments();
  const issues = useMemo(() => issuesByItem(save.error, 'rules', sentKeys), [save.error, sentKeys]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = segmentBody(rules, format.parseAmount);
    if ('problems' in outcome) {
      setProblems(outcome.problems);
      return save.reset();
    }
    setProblems({});
    setSentKeys(rules.map((rule) => rule.key));
    save.mutate(outcome.body, { onSuccess: () => notifications.show({ color: 'green', message: t('recovery.segments.saved') }) });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="segment-form">
      <Stack gap="sm">
        <FormErrors error={save.error} fields={shownIssueFields(save.error, (field) => RULE_FIELD.test(field))} />
        {rules.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('recovery.segments.empty')}
          </Text>
        ) : null}
        <Fieldset disabled={readOnly} variant="unstyled">
          <Stack gap="sm">
            {rules.map((rule, index) => (
              <SegmentRuleRow
                key={rule.key}
                rule={rule}
                index={index}
                count={rules.length}
                scenarios={scenarios}
                onChange={(next) => setRules((current) => current.map((r) => (r.key === next.key ? next : r)))}
                onMove={(delta) => setRules((current) => moveRule(current, index, delta))}
                onRemove={() => setRules((current) => current.filter((r) => r.key !== rule.key))}
                issues={issues.get(rule.key)}
                problems={problems[rule.key]}
                readOnly={readOnly}
              />
            ))}
          </Stack>
        </Fieldset>
        {readOnly ? null : (
          <Group gap="xs">
            <Button
              variant="light"
              onClick={() => setRules((current) => [...current, newRule(scenarios[0]?.id ?? '')])}
              data-testid="segment-add"
            >
              {t('recovery.segments.add')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="segment-save">
              {t('recovery.segments.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
