import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSmallClaims } from '../../api/legal';
import type { ClaimCause } from '../../api/types';
import { useFormat } from '../../lib/use-format';
import { CalculatorError } from './CalculatorError';
import { SmallClaimsResultView } from './SmallClaimsResultView';
import { serverIssue, shownFields } from './issues';

const CAUSES: readonly ClaimCause[] = ['contractual', 'statutory', 'other'];
const isCause = (value: string): value is ClaimCause => (CAUSES as readonly string[]).includes(value);
const hasInput = (field: string) => field === 'principal' || field === 'interest' || field === 'cause';

/** Whether the simplified small-claims procedure is open (CPCE L125-1, R125-1: 5 000 € at most). */
export function SmallClaimsForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const [principal, setPrincipal] = useState('');
  const [interest, setInterest] = useState('');
  const [cause, setCause] = useState<ClaimCause>('contractual');
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const compute = useSmallClaims();

  const labels = { principal: t('calculator.smallClaims.principal'), interest: t('calculator.smallClaims.interest') };
  const errorFor = (field: 'principal' | 'interest') =>
    invalid.includes(field) ? t('calculator.errors.invalidAmount', { field: labels[field] }) : serverIssue(compute.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const principalAmount = format.parseAmount(principal);
    // No interest typed means none claimed.
    const interestAmount = interest.trim() === '' ? '0.00' : format.parseAmount(interest);
    const problems = [...(principalAmount === null ? ['principal'] : []), ...(interestAmount === null ? ['interest'] : [])];
    setInvalid(problems);
    if (principalAmount === null || interestAmount === null) {
      compute.reset();
      return;
    }
    compute.mutate({ principal: principalAmount, interest: interestAmount, cause });
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate data-testid="small-claims-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={labels.principal}
              inputMode="decimal"
              placeholder={t('calculator.lateFees.amountPlaceholder')}
              value={principal}
              onChange={(event) => setPrincipal(event.currentTarget.value)}
              error={errorFor('principal')}
              required
              data-testid="small-claims-principal"
            />
            <TextInput
              label={labels.interest}
              inputMode="decimal"
              placeholder={t('calculator.lateFees.amountPlaceholder')}
              value={interest}
              onChange={(event) => setInterest(event.currentTarget.value)}
              error={errorFor('interest')}
              data-testid="small-claims-interest"
            />
            <NativeSelect
              label={t('calculator.smallClaims.cause')}
              value={cause}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isCause(value)) setCause(value);
              }}
              data={CAUSES.map((value) => ({ value, label: t(`calculator.smallClaims.causes.${value}`) }))}
              error={serverIssue(compute.error, 'cause')}
              data-testid="small-claims-cause"
            />
          </SimpleGrid>
          <CalculatorError error={compute.error} fields={shownFields(compute.error, hasInput)} />
          <Group>
            <Button type="submit" loading={compute.isPending} data-testid="small-claims-submit">
              {t('calculator.compute')}
            </Button>
          </Group>
        </Stack>
      </form>
      {compute.data ? <SmallClaimsResultView result={compute.data} /> : null}
    </Stack>
  );
}
