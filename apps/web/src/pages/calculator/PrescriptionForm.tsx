import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrescription } from '../../api/legal';
import type { LegalDebtorKind, PrescriptionBody } from '../../api/types';
import { CalculatorError } from './CalculatorError';
import { type DateLine, InterruptionsEditor } from './InterruptionsEditor';
import { PrescriptionResultView } from './PrescriptionResultView';
import { serverIssue, shownFields } from './issues';
import { DEBTOR_KINDS, isDate } from './late-fees';

const hasInput = (field: string) => field === 'debtor' || field === 'due' || /^interruptions\.\d+$/.test(field);

/** The last day to act in court (C. com. L110-4, C. conso. L218-2), with interruptions (C. civ. 2240). */
export function PrescriptionForm() {
  const { t } = useTranslation();
  const [debtor, setDebtor] = useState<LegalDebtorKind>('business');
  const [due, setDue] = useState('');
  const [interruptions, setInterruptions] = useState<DateLine[]>([]);
  const [missing, setMissing] = useState<readonly string[]>([]);
  const compute = usePrescription();

  const errorFor = (field: string, label: string) =>
    missing.includes(field) ? t('calculator.errors.requiredDate', { field: label }) : serverIssue(compute.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = [
      ...(isDate(due) ? [] : ['due']),
      ...interruptions.flatMap((line, index) => (isDate(line.date) ? [] : [`interruptions.${index}`])),
    ];
    setMissing(problems);
    if (problems.length > 0) {
      compute.reset();
      return;
    }
    const body: PrescriptionBody = { debtor, due };
    if (interruptions.length > 0) body.interruptions = interruptions.map((line) => line.date);
    compute.mutate(body);
  };

  const dueLabel = t('calculator.prescription.due');
  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate data-testid="prescription-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
            <NativeSelect
              label={t('calculator.prescription.debtor')}
              value={debtor}
              onChange={(event) => setDebtor(event.currentTarget.value === 'consumer' ? 'consumer' : 'business')}
              data={DEBTOR_KINDS.map((kind) => ({ value: kind, label: t(`calculator.debtorKinds.${kind}`) }))}
              error={serverIssue(compute.error, 'debtor')}
              data-testid="prescription-debtor"
            />
            <TextInput
              type="date"
              label={dueLabel}
              value={due}
              onChange={(event) => setDue(event.currentTarget.value)}
              error={errorFor('due', dueLabel)}
              required
              data-testid="prescription-due"
            />
          </SimpleGrid>
          <InterruptionsEditor dates={interruptions} onChange={setInterruptions} errorFor={errorFor} />
          <CalculatorError error={compute.error} fields={shownFields(compute.error, hasInput)} />
          <Group>
            <Button type="submit" loading={compute.isPending} data-testid="prescription-submit">
              {t('calculator.compute')}
            </Button>
          </Group>
        </Stack>
      </form>
      {compute.data ? <PrescriptionResultView result={compute.data} /> : null}
    </Stack>
  );
}
