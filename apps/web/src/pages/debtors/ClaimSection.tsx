import { isIsoDate, parseDecimalAmount } from '@amiable/domain';
import { Alert, Anchor, Badge, Group, Loader, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebtorClaim } from '../../api/legal';
import type { ClaimLine, DebtorClaim, LegalWarning } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { RateMissingLink } from '../../components/RateMissingLink';
import { Section } from '../../components/Section';
import { addMonths, todayInParis } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { Figure } from '../calculator/Figure';
import { LegalNotes } from '../calculator/LegalNotes';
import { useOpenInvoice } from '../invoices/InvoiceDrawer';

/** A last day to act this close to the computation date is flagged. */
const PRESCRIPTION_WARNING_MONTHS = 6;

export type PrescriptionState = 'none' | 'passed' | 'soon' | 'later';

/** Where a last day to act stands on the computation date (ISO dates compare as strings). */
export function prescriptionState(lastDay: string | null, date: string): PrescriptionState {
  if (!lastDay) return 'none';
  if (lastDay < date) return 'passed';
  return lastDay <= addMonths(date, PRESCRIPTION_WARNING_MONTHS) ? 'soon' : 'later';
}

/** The engine's warnings once, though several invoices raise the same one. */
function distinctWarnings(lines: readonly ClaimLine[]): LegalWarning[] {
  const seen = new Map<string, LegalWarning>();
  for (const warning of lines.flatMap((line) => line.warnings)) {
    seen.set(`${warning.code}-${warning.halfYear ?? ''}-${warning.message}`, warning);
  }
  return [...seen.values()];
}

function PrescriptionCell({ lastDay, date }: { readonly lastDay: string | null; readonly date: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = prescriptionState(lastDay, date);
  const shown = format.date(lastDay);
  return (
    <Group gap={6} wrap="nowrap" data-testid="claim-prescription" data-state={state}>
      {state === 'soon' ? (
        <Badge color="orange" variant="light" title={t('debtor.claim.prescriptionSoon', { date: shown })}>
          {shown}
        </Badge>
      ) : (
        <Text size="sm">{shown}</Text>
      )}
      {state === 'passed' ? (
        <Badge color="red" variant="filled" title={t('debtor.claim.prescribedSince', { date: shown })}>
          {t('debtor.claim.prescribed')}
        </Badge>
      ) : null}
    </Group>
  );
}

function ClaimLines({ claim }: { readonly claim: DebtorClaim }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { open } = useOpenInvoice();
  if (claim.lines.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="claim-empty">
        {t('debtor.claim.empty')}
      </Text>
    );
  }
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="claim-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('debtor.claim.columns.number')}</Table.Th>
            <Table.Th>{t('debtor.claim.columns.dueDate')}</Table.Th>
            <Table.Th style={right}>{t('debtor.claim.columns.daysLate')}</Table.Th>
            <Table.Th style={right}>{t('debtor.claim.columns.principal')}</Table.Th>
            <Table.Th style={right}>{t(`debtor.claim.columns.interest.${claim.debtorKind}`)}</Table.Th>
            <Table.Th style={right}>{t('debtor.claim.columns.indemnity')}</Table.Th>
            <Table.Th>{t('debtor.claim.columns.prescription')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {claim.lines.map((line) => (
            <Table.Tr key={line.invoiceId} data-testid="claim-line" data-invoice-id={line.invoiceId}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  fz="sm"
                  fw={500}
                  aria-label={t('invoices.openDetail', { number: line.number })}
                  onClick={() => open(line.invoiceId)}
                >
                  {line.number}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(line.dueDate)}</Table.Td>
              <Table.Td style={right}>{line.daysLate > 0 ? line.daysLate : '—'}</Table.Td>
              <Table.Td style={right}>{format.amount(line.principalDue, line.currency)}</Table.Td>
              <Table.Td style={right}>{format.amount(line.interestDue, line.currency)}</Table.Td>
              <Table.Td style={right}>{format.amount(line.indemnity, line.currency)}</Table.Td>
              <Table.Td>
                <PrescriptionCell lastDay={line.prescriptionLastDay} date={claim.date} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ClaimView({ claim, stale }: { readonly claim: DebtorClaim; readonly stale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const euros = (amount: string) => format.amount(amount, claim.currency);
  const business = claim.debtorKind === 'business';
  // Consumers owe no fixed indemnity (C. com. L441-10 is between professionals): no zero to explain.
  const showIndemnity = business || (parseDecimalAmount(claim.indemnity) ?? 0) > 0;
  const note = claim.note === 'consumer-without-formal-notice' ? t(`debtor.claim.notes.${claim.note}`) : claim.note;
  const warnings = distinctWarnings(claim.lines);

  return (
    <Stack gap="md" data-testid="claim-result" data-date={claim.date} style={stale ? { opacity: 0.6 } : undefined} aria-busy={stale}>
      {note ? (
        <Alert color="yellow" data-testid="claim-note" data-note={claim.note}>
          <Text size="sm">{note}</Text>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: showIndemnity ? 4 : 3 }} spacing="sm" verticalSpacing="sm">
        <Figure label={t('debtor.claim.principal')} testId="claim-principal">
          {euros(claim.principalDue)}
        </Figure>
        <Figure label={t(`debtor.claim.interest.${claim.debtorKind}`)} testId="claim-interest">
          {euros(claim.interestDue)}
        </Figure>
        {showIndemnity ? (
          <Figure label={t('debtor.claim.indemnity')} testId="claim-indemnity">
            {euros(claim.indemnity)}
          </Figure>
        ) : null}
        <Figure label={t('debtor.claim.total')} testId="claim-total" strong>
          {euros(claim.total)}
        </Figure>
      </SimpleGrid>
      <Group gap="xs" data-testid="claim-small-claims" data-eligible={String(claim.smallClaimsEligible)}>
        <Text size="sm">{t('debtor.claim.smallClaims')}</Text>
        <Badge color={claim.smallClaimsEligible ? 'green' : 'gray'} variant="light">
          {t(claim.smallClaimsEligible ? 'debtor.claim.smallClaimsEligible' : 'debtor.claim.smallClaimsNotEligible')}
        </Badge>
      </Group>
      <ClaimLines claim={claim} />
      {warnings.length > 0 ? <LegalNotes warnings={warnings} articles={[]} testIdPrefix="claim" /> : null}
      <Text size="xs" c="dimmed" data-testid="claim-imputation-help">
        {t('debtor.claim.imputationHelp')}
      </Text>
      {claim.articles.length > 0 ? (
        <Text size="xs" c="dimmed" data-testid="claim-articles">
          {t('debtor.claim.articles', { articles: claim.articles.join(' · ') })}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * What may be claimed from the debtor on a date (today in Paris unless another is chosen):
 * principal, penalties or legal interest, fixed indemnities, and each open invoice's last day to act.
 */
export function ClaimSection({ debtorId }: { readonly debtorId: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => todayInParis());
  const valid = isIsoDate(date);
  const claim = useDebtorClaim(debtorId, valid ? date : null);

  const dateInput = (
    <Group gap="xs" align="flex-start">
      {claim.isFetching ? <Loader size="xs" mt={6} aria-hidden /> : null}
      <TextInput
        type="date"
        size="xs"
        label={t('debtor.claim.date')}
        value={date}
        onChange={(event) => setDate(event.currentTarget.value)}
        error={valid ? undefined : t('debtor.claim.dateRequired')}
        required
        data-testid="claim-date"
      />
    </Group>
  );

  return (
    <Section title={t('debtor.claim.title')} actions={dateInput} testId="debtor-claim">
      {!valid ? null : claim.isError ? (
        <Stack gap={4}>
          <ErrorAlert error={claim.error} onRetry={() => void claim.refetch()} />
          <RateMissingLink error={claim.error} testId="claim-open-rates" />
        </Stack>
      ) : claim.data ? (
        <ClaimView claim={claim.data} stale={claim.isPlaceholderData} />
      ) : (
        <Loading />
      )}
    </Section>
  );
}
