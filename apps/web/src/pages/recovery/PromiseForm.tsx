import { isIsoDate } from '@amiable/domain';
import { Button, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddPromise } from '../../api/recovery-cases';
import type { PromiseInput } from '../../api/types';
import { useFormat } from '../../lib/use-format';
import { CommandError } from './CommandError';
import { issuesByField } from './issues';

const EMPTY = { until: '', amount: '', note: '' };

/** An agent records a promise to pay: the case's actions pause until that date. */
export function PromiseForm({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState(EMPTY);
  const [problems, setProblems] = useState<{ until?: string; amount?: string }>({});
  const add = useAddPromise(caseId);
  const issues = issuesByField(add.error);
  const set = (field: keyof typeof EMPTY) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    const body: PromiseInput = { until: values.until };
    if (!isIsoDate(values.until)) found.until = t('recovery.required');
    if (values.amount.trim()) {
      const amount = format.parseAmount(values.amount);
      if (amount === null) found.amount = t('recovery.invalidAmount');
      else body.amount = amount;
    }
    if (values.note.trim()) body.note = values.note.trim();
    setProblems(found);
    if (Object.keys(found).length > 0) return add.reset();
    add.mutate(body, {
      onSuccess: () => {
        setValues(EMPTY);
        notifications.show({ color: 'green', message: t('recovery.case.promiseForm.saved') });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="promise-form">
      <Stack gap="xs">
        <CommandError error={add.error} fields={['until', 'amount', 'note']} conflict={t('recovery.case.promiseForm.conflict')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            type="date"
            label={t('recovery.case.promiseForm.until')}
            value={values.until}
            onChange={set('until')}
            error={problems.until ?? issues.get('until')}
            required
            data-testid="promise-until"
          />
          <TextInput
            label={t('recovery.case.promiseForm.amount')}
            value={values.amount}
            onChange={set('amount')}
            error={problems.amount ?? issues.get('amount')}
            inputMode="decimal"
            data-testid="promise-amount"
          />
        </SimpleGrid>
        <Textarea
          label={t('recovery.case.promiseForm.note')}
          value={values.note}
          onChange={set('note')}
          error={issues.get('note')}
          autosize
          minRows={1}
          maxLength={2000}
          data-testid="promise-note"
        />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }} data-testid="promise-submit">
          {t('recovery.case.promiseForm.submit')}
        </Button>
      </Stack>
    </form>
  );
}
