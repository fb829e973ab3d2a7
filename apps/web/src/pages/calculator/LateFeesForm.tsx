import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLateFees } from '../../api/legal';
import { todayInParis } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { CalculatorError } from './CalculatorError';
import { LateFeesResultView } from './LateFeesResultView';
import { PaymentsEditor } from './PaymentsEditor';
import { serverIssue, shownFields } from './issues';
import {
  CREDITOR_KINDS,
  DEBTOR_KINDS,
  IMPUTATIONS,
  type InputProblems,
  type LateFeesValues,
  type PaymentLine,
  initialLateFees,
  lateFeesBody,
} from './late-fees';

const INPUT_FIELDS = new Set(['debtor', 'amount', 'due', 'formalNotice', 'until', 'rate', 'creditor', 'imputation']);
const hasInput = (field: string) => INPUT_FIELDS.has(field) || /^payments\.\d+\.(date|amount)$/.test(field);

/** Late-payment interest and the 40 € indemnity for one claim (C. com. L441-10, C. civ. 1231-6). */
export function LateFeesForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState<LateFeesValues>(() => initialLateFees(todayInParis()));
  const [problems, setProblems] = useState<InputProblems>({});
  const compute = useLateFees();
  const business = values.debtor === 'business';

  const set = <K extends keyof LateFeesValues>(key: K, value: LateFeesValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  };
  const errorFor = (field: string, label: string) => {
    const problem = problems[field];
    return problem ? t(`calculator.errors.${problem}`, { field: label }) : serverIssue(compute.error, field);
  };
  const text = (key: 'amount' | 'due' | 'formalNotice' | 'until' | 'rate', testId: string) => {
    const label = t(`calculator.lateFees.${key}`);
    return {
      label,
      value: values[key],
      onChange: (event: { currentTarget: HTMLInputElement }) => set(key, event.currentTarget.value),
      error: errorFor(key, label),
      'data-testid': testId,
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = lateFeesBody(values, format.parseAmount);
    if ('problems' in outcome) {
      setProblems(outcome.problems);
      compute.reset();
      return;
    }
    setProblems({});
    compute.mutate(outcome.body);
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate data-testid="late-fees-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
            <NativeSelect
              label={t('calculator.lateFees.debtor')}
              value={values.debtor}
              onChange={(event) => set('debtor', event.currentTarget.value === 'consumer' ? 'consumer' : 'business')}
              data={DEBTOR_KINDS.map((kind) => ({ value: kind, label: t(`calculator.debtorKinds.${kind}`) }))}
              error={serverIssue(compute.error, 'debtor')}
              data-testid="late-fees-debtor"
            />
            <TextInput
              {...text('amount', 'late-fees-amount')}
              inputMode="decimal"
              placeholder={t('calculator.lateFees.amountPlaceholder')}
              required
            />
            {business ? (
              <TextInput {...text('due', 'late-fees-due')} type="date" required />
            ) : (
              <TextInput {...text('formalNotice', 'late-fees-formal-notice')} type="date" required />
            )}
            <TextInput {...text('until', 'late-fees-until')} type="date" required />
            {business ? (
              <TextInput {...text('rate', 'late-fees-rate')} inputMode="decimal" description={t('calculator.lateFees.rateHelp')} />
            ) : (
              <NativeSelect
                label={t('calculator.lateFees.creditor')}
                value={values.creditor}
                onChange={(event) => set('creditor', event.currentTarget.value === 'individual' ? 'individual' : 'company')}
                data={CREDITOR_KINDS.map((kind) => ({ value: kind, label: t(`calculator.creditorKinds.${kind}`) }))}
                error={serverIssue(compute.error, 'creditor')}
                data-testid="late-fees-creditor"
              />
            )}
            <NativeSelect
              label={t('calculator.lateFees.imputation')}
              value={values.imputation}
              onChange={(event) =>
                set('imputation', event.currentTarget.value === 'principal-first' ? 'principal-first' : 'interest-first')
              }
              data={IMPUTATIONS.map((choice) => ({ value: choice, label: t(`calculator.imputations.${choice}`) }))}
              error={serverIssue(compute.error, 'imputation')}
              data-testid="late-fees-imputation"
            />
          </SimpleGrid>
          <PaymentsEditor
            payments={values.payments}
            onChange={(payments: PaymentLine[]) => set('payments', payments)}
            errorFor={errorFor}
          />
          <CalculatorError error={compute.error} fields={shownFields(compute.error, hasInput)} />
          <Group>
            <Button type="submit" loading={compute.isPending} data-testid="late-fees-submit">
              {t('calculator.compute')}
            </Button>
          </Group>
        </Stack>
      </form>
      {compute.data ? <LateFeesResultView result={compute.data} /> : null}
    </Stack>
  );
}
