import { isIsoDate, parseDecimalAmount } from '@amiable/domain';
import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProduceLetter } from '../../api/letters';
import type { DocumentDto } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { type UiLanguage, todayInParis } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { issuesByField, issuesByItem, shownIssueFields } from './issues';
import { addMonths, splitEvenly } from './split-plan';

interface PaymentPlanModalProps {
  readonly caseId: string;
  /** The case's outstanding principal ("3650.50"): what the plan must cover, and what « Répartir » splits. */
  readonly outstanding: string | undefined;
  readonly onClose: () => void;
  readonly onProduced: (document: DocumentDto) => void;
}

interface Row {
  readonly key: string;
  readonly dueDate: string;
  readonly amount: string;
}

let lastKey = 0;
const newRow = (dueDate = '', amount = ''): Row => ({ key: String(++lastKey), dueDate, amount });

/** "1216.83" as a person types it in the UI's language: "1216,83" in French. */
const typed = (language: UiLanguage, decimal: string) => (language === 'fr' ? decimal.replace('.', ',') : decimal);

/**
 * The instalments a payment plan states, entered before it is produced: the case holds none. Rows are added,
 * removed, or proposed by « Répartir » (N monthly instalments covering the outstanding); the API's checks
 * (dates in order, total covering the principal) show next to the rows they name.
 */
export function PaymentPlanModal({ caseId, outstanding, onClose, onProduced }: PaymentPlanModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const produce = useProduceLetter(caseId);
  const firstDefault = addMonths(todayInParis(), 1);
  const [rows, setRows] = useState<readonly Row[]>(() => [newRow(firstDefault)]);
  const [count, setCount] = useState<number | string>(3);
  const [problems, setProblems] = useState<ReadonlyMap<string, { dueDate?: string; amount?: string }>>(new Map());
  const dueCents = outstanding ? parseDecimalAmount(outstanding) : null;
  const byRow = issuesByItem(
    produce.error,
    'installments',
    rows.map((r) => r.key),
  );
  const planIssue = issuesByField(produce.error).get('installments');
  const shown = shownIssueFields(produce.error, (field) => field.startsWith('installments'));
  const totalCents = rows.reduce((sum, row) => {
    const amount = format.parseAmount(row.amount);
    return sum + (amount === null ? 0 : (parseDecimalAmount(amount) ?? 0));
  }, 0);

  const update = (key: string, field: 'dueDate' | 'amount', value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const add = () =>
    setRows((current) => {
      const last = current.at(-1)?.dueDate;
      return [...current, newRow(last && isIsoDate(last) ? addMonths(last, 1) : '')];
    });
  const split = () => {
    const first = rows[0]?.dueDate && isIsoDate(rows[0].dueDate) ? rows[0].dueDate : firstDefault;
    const n = typeof count === 'number' ? count : Number.parseInt(count, 10);
    if (dueCents === null || !Number.isInteger(n) || n < 1) return;
    setRows(splitEvenly(dueCents, Math.min(n, 60), first).map((i) => newRow(i.dueDate, typed(format.language, i.amount))));
    produce.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = new Map<string, { dueDate?: string; amount?: string }>();
    const installments = rows.map((row) => {
      const amount = format.parseAmount(row.amount);
      const problem = {
        ...(isIsoDate(row.dueDate) ? {} : { dueDate: t('recovery.required') }),
        ...(amount === null ? { amount: t('recovery.invalidAmount') } : {}),
      };
      if (Object.keys(problem).length > 0) found.set(row.key, problem);
      return { dueDate: row.dueDate, amount: amount ?? row.amount };
    });
    setProblems(found);
    if (found.size > 0) return produce.reset();
    produce.mutate({ type: 'payment-plan', installments }, { onSuccess: onProduced });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('letters.documents.plan.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="plan-form">
        <Stack gap="sm">
          <Text size="sm">{t('letters.documents.plan.intro', { due: outstanding ? format.amount(outstanding, 'EUR') : '—' })}</Text>
          <Group gap="xs" align="flex-end">
            <NumberInput
              label={t('letters.documents.plan.count')}
              value={count}
              onChange={setCount}
              min={1}
              max={60}
              allowDecimal={false}
              w={160}
              data-testid="plan-count"
            />
            <Button variant="light" onClick={split} disabled={dueCents === null} data-testid="plan-split">
              {t('letters.documents.plan.split')}
            </Button>
          </Group>
          <FormErrors error={produce.error} fields={shown} />
          {planIssue ? (
            <Alert color="red" p="xs" data-testid="plan-issue">
              {planIssue}
            </Alert>
          ) : null}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('letters.documents.plan.dueDate')}</Table.Th>
                <Table.Th>{t('letters.documents.plan.amount')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, index) => {
                const api = byRow.get(row.key);
                const local = problems.get(row.key);
                return (
                  <Table.Tr key={row.key} data-testid="plan-row">
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td>
                      <TextInput
                        type="date"
                        aria-label={t('letters.documents.plan.dueDateOf', { n: index + 1 })}
                        value={row.dueDate}
                        min={todayInParis()}
                        onChange={(e) => update(row.key, 'dueDate', e.currentTarget.value)}
                        error={local?.dueDate ?? api?.get('dueDate')}
                        data-testid="plan-due-date"
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('letters.documents.plan.amountOf', { n: index + 1 })}
                        value={row.amount}
                        inputMode="decimal"
                        onChange={(e) => update(row.key, 'amount', e.currentTarget.value)}
                        error={local?.amount ?? api?.get('amount')}
                        data-testid="plan-amount"
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        disabled={rows.length === 1}
                        onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                        aria-label={t('letters.documents.plan.remove', { n: index + 1 })}
                        data-testid="plan-remove"
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Button variant="subtle" onClick={add} disabled={rows.length >= 60} data-testid="plan-add">
              {t('letters.documents.plan.add')}
            </Button>
            <Text size="sm" data-testid="plan-total">
              {t('letters.documents.plan.total', { total: format.cents(totalCents, 'EUR') })}
            </Text>
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={produce.isPending} data-testid="plan-submit">
              {t('letters.documents.plan.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
