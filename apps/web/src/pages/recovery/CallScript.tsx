import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DispatchDto } from '../../api/types';
import { useLinkProps } from '../../lib/links';
import { useFormat } from '../../lib/use-format';
import { RECOVERY_CURRENCY } from './DispatchHeader';

/** What to say on the phone: who calls for whom, the invoices and the total, and the debtor's page at hand. */
export function CallScript({ dispatch }: { readonly dispatch: DispatchDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0" data-testid="call-script">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('recovery.worklist.script.title')}
        </Title>
        <Text size="sm">{t('recovery.worklist.script.greeting', { creditor: dispatch.creditor.name })}</Text>
        <List size="sm" spacing={4}>
          <List.Item data-testid="call-script-invoices">
            {t('recovery.worklist.script.invoices', { invoices: dispatch.invoiceNumbers.join(', ') || '—' })}
          </List.Item>
          <List.Item data-testid="call-script-total">
            {t('recovery.worklist.script.total', { amount: format.amount(dispatch.outstanding, RECOVERY_CURRENCY) })}
          </List.Item>
          {dispatch.recipient ? <List.Item>{t('recovery.worklist.script.recipient', { recipient: dispatch.recipient })}</List.Item> : null}
        </List>
        <Text size="sm" fs="italic">
          {t('recovery.worklist.script.question')}
        </Text>
        <Anchor {...linkProps(`/debtors/${dispatch.debtor.id}`)} size="sm" data-testid="call-script-debtor-link">
          {t('recovery.worklist.script.openDebtor')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
