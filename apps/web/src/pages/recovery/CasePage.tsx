import { Anchor, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCaseDocuments } from '../../api/letters';
import { useCase } from '../../api/recovery-cases';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useSession } from '../../components/Session';
import { useLinkProps } from '../../lib/links';
import { canManageRecovery, canWorkRecovery } from '../../lib/permissions';
import { useFormat } from '../../lib/use-format';
import { Figure } from '../calculator/Figure';
import { AssigneeSection } from './AssigneeSection';
import { CaseDocumentsSection } from './CaseDocumentsSection';
import { CaseStateBadge } from './CaseStateBadge';
import { CaseTimeline } from './CaseTimeline';
import { RECOVERY_CURRENCY } from './DispatchHeader';
import { PlannedActionsTable } from './PlannedActionsTable';
import { PromiseForm } from './PromiseForm';
import { TransitionForm } from './TransitionForm';

/** One case: its figures, its history, the next planned actions, and the forms the role allows. */
export function CasePage({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const linkProps = useLinkProps();
  const detail = useCase(id);
  const documents = useCaseDocuments(id);
  const data = detail.data;
  const open = data ? data.state !== 'closed' : false;

  return (
    <Stack gap="md">
      <Anchor {...linkProps('/recovery/cases')} size="sm">
        ← {t('recovery.case.back')}
      </Anchor>
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {data ? (
        <>
          <Group gap="sm" align="center">
            <Title order={1} size="h2" data-testid="case-debtor">
              <Anchor {...linkProps(`/debtors/${data.debtor.id}`)} inherit>
                {data.debtor.name}
              </Anchor>
            </Title>
            <CaseStateBadge state={data.state} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('recovery.case.creditor', { name: data.creditor.name })} ·{' '}
            {t('recovery.case.openedAt', { date: format.dateTime(data.openedAt) })}
            {data.closedReason ? ` · ${t('recovery.case.closedReason', { reason: t(`recovery.closedReasons.${data.closedReason}`) })}` : ''}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
            <Figure label={t('recovery.cases.columns.outstanding')} testId="case-outstanding" strong>
              {format.amount(data.outstanding, RECOVERY_CURRENCY)}
            </Figure>
            <Figure label={t('recovery.cases.columns.openInvoices')} testId="case-open-invoices">
              {data.openInvoices}
            </Figure>
          </SimpleGrid>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Section title={t('recovery.case.timeline')} testId="case-history">
                <CaseTimeline detail={data} documents={documents.data} />
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack gap="md">
                <AssigneeSection caseId={id} assignee={data.assignee} canAssign={open && canManageRecovery(me.role)} />
                <CaseDocumentsSection caseId={id} canProduce={canWorkRecovery(me.role)} outstanding={data.outstanding} />
                <Section title={t('recovery.case.next')} testId="case-next">
                  <PlannedActionsTable actions={data.nextActions} empty={t('recovery.case.nextEmpty')} testId="case-next-actions" />
                </Section>
                {open && canWorkRecovery(me.role) ? (
                  <Section title={t('recovery.case.promiseForm.title')}>
                    <PromiseForm caseId={id} />
                  </Section>
                ) : null}
                {open && canManageRecovery(me.role) ? (
                  <Section title={t('recovery.case.transitionForm.title')}>
                    <TransitionForm key={data.state} caseId={id} current={data.state} />
                  </Section>
                ) : null}
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      ) : null}
    </Stack>
  );
}
