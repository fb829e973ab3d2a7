import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { usePutRate } from '../../api/legal';
import { FormErrors } from '../../components/FormErrors';
import { RATE_FIELDS, type RateField, type RateFormValues, type RateProblem, rateBody } from './rate-form';

interface RateFormProps {
  readonly initial: RateFormValues;
  /** After a save or "clear": the page forgets the row being corrected. */
  readonly onReset: () => void;
}

/** Adds or corrects one half-year of the tenant's rates (owner only; the API checks it too). */
export function RateForm({ initial, onReset }: RateFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<RateField, RateProblem>>>({});
  const save = usePutRate();
  const apiError = isApiError(save.error) ? save.error : null;

  // The half-year travels in the path: its issue may be named "params.halfYear".
  const serverIssue = (field: RateField) =>
    apiError?.issueFor(field) ?? (field === 'halfYear' ? apiError?.issueFor('params.halfYear') : undefined);
  const input = (field: RateField) => {
    const label = t(`rates.form.${field}`);
    const problem = problems[field];
    return {
      label,
      value: values[field],
      onChange: (event: { currentTarget: { value: string } }) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [field]: value }));
      },
      error: problem ? t(`rates.form.${problem}`, { field: label }) : serverIssue(field),
      required: true,
      'data-testid': `rate-form-${field}`,
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = rateBody(values);
    if ('problems' in outcome) {
      setProblems(outcome.problems);
      save.reset();
      return;
    }
    setProblems({});
    save.mutate(
      { halfYear: outcome.halfYear, body: outcome.body },
      {
        onSuccess: (row) => {
          notifications.show({ color: 'green', message: t('rates.form.saved', { halfYear: row.halfYear }) });
          onReset();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="rate-form">
      <Stack gap="sm">
        <FormErrors error={save.error} fields={[...RATE_FIELDS, 'params.halfYear']} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" verticalSpacing="xs">
          <TextInput {...input('halfYear')} placeholder={t('rates.form.halfYearPlaceholder')} maxLength={7} />
          <TextInput {...input('ecbRate')} inputMode="decimal" placeholder={t('rates.form.ratePlaceholder')} />
          <TextInput {...input('legalRateIndividual')} inputMode="decimal" placeholder={t('rates.form.ratePlaceholder')} />
          <TextInput {...input('legalRateOther')} inputMode="decimal" placeholder={t('rates.form.ratePlaceholder')} />
        </SimpleGrid>
        <Textarea {...input('source')} placeholder={t('rates.form.sourcePlaceholder')} maxLength={500} autosize minRows={2} />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} data-testid="rate-form-submit">
            {t('rates.form.submit')}
          </Button>
          <Button variant="default" onClick={onReset}>
            {t('rates.form.reset')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
