import { Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PaymentLine } from './late-fees';

interface PaymentsEditorProps {
  readonly payments: readonly PaymentLine[];
  readonly onChange: (payments: PaymentLine[]) => void;
  /** The message to show under an input, by API field path ("payments.0.amount"). */
  readonly errorFor: (field: string, label: string) => string | undefined;
}

/** Partial payments, each a date and an amount, added and removed freely. */
export function PaymentsEditor({ payments, onChange, errorFor }: PaymentsEditorProps) {
  const { t } = useTranslation();
  const update = (key: number, change: Partial<Omit<PaymentLine, 'key'>>) =>
    onChange(payments.map((line) => (line.key === key ? { ...line, ...change } : line)));
  const add = () => {
    const key = payments.reduce((max, line) => Math.max(max, line.key), 0) + 1;
    onChange([...payments, { key, date: '', amount: '' }]);
  };

  return (
    <Stack gap="xs" data-testid="late-fees-payments">
      <Text size="sm" fw={500}>
        {t('calculator.lateFees.payments')}
      </Text>
      {payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('calculator.lateFees.paymentsEmpty')}
        </Text>
      ) : null}
      {payments.map((line, index) => {
        const dateLabel = t('calculator.lateFees.paymentDate', { index: index + 1 });
        const amountLabel = t('calculator.lateFees.paymentAmount', { index: index + 1 });
        return (
          <Group key={line.key} align="flex-start" gap="xs" wrap="nowrap" data-testid="late-fees-payment">
            <TextInput
              type="date"
              label={dateLabel}
              value={line.date}
              onChange={(event) => update(line.key, { date: event.currentTarget.value })}
              error={errorFor(`payments.${index}.date`, dateLabel)}
              data-testid={`late-fees-payment-date-${index}`}
            />
            <TextInput
              label={amountLabel}
              inputMode="decimal"
              placeholder={t('calculator.lateFees.amountPlaceholder')}
              value={line.amount}
              onChange={(event) => update(line.key, { amount: event.currentTarget.value })}
              error={errorFor(`payments.${index}.amount`, amountLabel)}
              data-testid={`late-fees-payment-amount-${index}`}
            />
            <CloseButton
              mt={28}
              aria-label={t('calculator.lateFees.removePayment', { index: index + 1 })}
              onClick={() => onChange(payments.filter((other) => other.key !== line.key))}
              data-testid={`late-fees-remove-payment-${index}`}
            />
          </Group>
        );
      })}
      <Group>
        <Button size="xs" variant="light" onClick={add} data-testid="late-fees-add-payment">
          {t('calculator.lateFees.addPayment')}
        </Button>
      </Group>
    </Stack>
  );
}
