import { Anchor, Badge, Grid, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDebtor } from '../../api/debtors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSession } from '../../components/Session';
import { useLinkProps } from '../../lib/links';
import { canManageRecovery, canWorkDebtors } from '../../lib/permissions';
import { ActivityLog } from './ActivityLog';
import { BalanceSection } from './BalanceSection';
import { ClaimSection } from './ClaimSection';
import { ContactsSection } from './ContactsSection';
import { DebtorIdentity } from './DebtorIdentity';
import { DebtorInvoices } from './DebtorInvoices';
import { DebtorScenarioSelect } from './DebtorScenarioSelect';
import { NotesSection } from './NotesSection';
import { PaymentsSection } from './PaymentsSection';

export function DebtorPage({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const linkProps = useLinkProps();
  const debtor = useDebtor(id);
  const canEdit = canWorkDebtors(me.role);

  return (
    <Stack gap="md">
      <Anchor {...linkProps('/debtors')} size="sm">
        ← {t('debtor.back')}
      </Anchor>
      {debtor.isPending ? <Loading /> : null}
      {debtor.isError ? <ErrorAlert error={debtor.error} onRetry={() => void debtor.refetch()} /> : null}
      {debtor.data ? (
        <>
          <Group gap="sm" align="center">
            <Title order={1} size="h2" data-testid="debtor-name">
              {debtor.data.name}
            </Title>
            <Badge variant="light" color={debtor.data.kind === 'business' ? 'indigo' : 'cyan'}>
              {t(`debtor.kinds.${debtor.data.kind}`)}
            </Badge>
          </Group>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="md">
                <DebtorIdentity key={debtor.data.updatedAt} debtor={debtor.data} canEdit={canEdit} />
                {canManageRecovery(me.role) ? (
                  <DebtorScenarioSelect key={debtor.data.scenarioId ?? 'segments'} debtorId={id} current={debtor.data.scenarioId} />
                ) : null}
                <ContactsSection debtorId={id} contacts={debtor.data.contacts} canEdit={canEdit} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="md">
                <BalanceSection debtor={debtor.data} />
                <NotesSection debtorId={id} canEdit={canEdit} />
              </Stack>
            </Grid.Col>
          </Grid>
          <ClaimSection key={id} debtorId={id} />
          <DebtorInvoices debtorId={id} />
          <ActivityLog debtorId={id} />
          <PaymentsSection debtorId={id} />
        </>
      ) : null}
    </Stack>
  );
}
