import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogOutcome } from '../../api/recovery-cases';
import { useFormat } from '../../lib/use-format';
import { CommandError } from './CommandError';
import { issuesByField } from './issues';
import { EMPTY_OUTCOME, OUTCOMES, type OutcomeField, type OutcomeProblem, type OutcomeValues, outcomeBody } from './outcome-form';

const FIELDS: readonly OutcomeField[] = ['outcome', 'promiseUntil', 'promiseAmount', 'disputeReason'];

/** An agent logs how a call (or task) went; a promise needs its date, a dispute its reason. */
export function OutcomeForm({ dispatchId }: { readonly dispatchId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState<OutcomeValues>(EMPTY_OUTCOME);
  const [problems, setProblems] = useState<Partial<Record<OutcomeField, OutcomeProblem>>>({});
  const log = useLogOutcome();
  const serverIssues = issuesByField(log.error);

  const set = (field: keyof OutcomeValues) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };
  const error = (field: OutcomeField) => {
    const problem = problems[field];
    if (problem) return problem === 'required' ? t('recovery.required') : t('recovery.invalidAmount');
    return serverIssues.get(field);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = outcomeBody(values, format.parseAmount);
    if ('problems' in outcome) {
      setProblems(outcome.problems);
      log.reset();
      return;
    }
    setProblems({});
    log.mutate(
      { id: dispatchId, body: outcome.body },
      { onSuccess: () => notifications.show({ color: 'green', message: t('recovery.worklist.outcome.saved') }) },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="outcome-form">
      <Stack gap="xs">
        <CommandError error={log.error} fields={FIELDS} />
        <NativeSelect
          label={t('recovery.worklist.outcome.label')}
          value={values.outcome}
          onChange={set('outcome')}
          data={[
            { value: '', label: t('recovery.worklist.outcome.choose') },
            ...OUTCOMES.map((outcome) => ({ value: outcome, label: t(`recovery.worklist.outcome.options.${outcome}`) })),
          ]}
          error={error('outcome')}
          required
          data-testid="outcome-select"
        />
        {values.outcome === 'promise' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              type="date"
              label={t('recovery.worklist.outcome.promiseUntil')}
              value={values.promiseUntil}
              onChange={set('promiseUntil')}
              error={error('promiseUntil')}
              required
              data-testid="outcome-promise-until"
            />
            <TextInput
              label={t('recovery.worklist.outcome.promiseAmount')}
              value={values.promiseAmount}
              onChange={set('promiseAmount')}
              error={error('promiseAmount')}
              inputMode="decimal"
              data-testid="outcome-promise-amount"
            />
          </SimpleGrid>
        ) : null}
        {values.outcome === 'dispute' ? (
          <Textarea
            label={t('recovery.worklist.outcome.disputeReason')}
            value={values.disputeReason}
            onChange={set('disputeReason')}
            error={error('disputeReason')}
            autosize
            minRows={2}
            maxLength={2000}
            required
            data-testid="outcome-dispute-reason"
          />
        ) : null}
        <Textarea
          label={t('recovery.worklist.outcome.note')}
          value={values.note}
          onChange={set('note')}
          error={serverIssues.get('note')}
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="outcome-note"
        />
        <Group>
          <Button type="submit" size="sm" loading={log.isPending} data-testid="outcome-submit">
            {t('recovery.worklist.outcome.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
