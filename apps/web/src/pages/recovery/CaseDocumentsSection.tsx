import { Alert, Anchor, Code, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencyProfile } from '../../api/agency';
import { documentContentUrl, useCaseDocuments, useProduceLetter } from '../../api/letters';
import type { DocumentDto, LetterTypeId } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrors } from '../../components/FormErrors';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/use-format';
import { DeliveryBadge } from '../letters/DeliveryBadge';
import { documentTypeLabel, shortSha } from '../letters/document-labels';
import { PaymentPlanModal } from './PaymentPlanModal';
import { ProduceLetterMenu } from './ProduceLetterMenu';

interface CaseDocumentsSectionProps {
  readonly caseId: string;
  /** Agents and above produce letters. */
  readonly canProduce: boolean;
  /** The case's outstanding ("3650.50"), which a payment plan must cover. */
  readonly outstanding?: string | undefined;
}

/** The documents archived for a case — type, date, where it stands, its SHA-256 — and producing a letter now. */
export function CaseDocumentsSection({ caseId, canProduce, outstanding }: CaseDocumentsSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const documents = useCaseDocuments(caseId);
  const produce = useProduceLetter(caseId);
  const agency = useAgencyProfile();
  const [planning, setPlanning] = useState(false);
  // The plan is produced from its modal: the section says so like for the other letters.
  const [planProduced, setPlanProduced] = useState<DocumentDto | null>(null);
  const items = documents.data ?? [];
  const produced = planProduced ?? (produce.isSuccess ? produce.data : null);
  const onProduce = (type: LetterTypeId) => {
    setPlanProduced(null);
    if (type === 'payment-plan') {
      produce.reset();
      setPlanning(true);
    } else produce.mutate({ type });
  };

  return (
    <Section
      title={t('letters.documents.title')}
      testId="case-documents"
      actions={canProduce ? <ProduceLetterMenu onProduce={onProduce} busy={produce.isPending} agency={Boolean(agency.data)} /> : null}
    >
      <Stack gap="sm">
        {planning ? (
          <PaymentPlanModal
            caseId={caseId}
            outstanding={outstanding}
            onClose={() => setPlanning(false)}
            onProduced={(document) => {
              setPlanning(false);
              setPlanProduced(document);
            }}
          />
        ) : null}
        {produced ? (
          <Alert color="green" p="xs" data-testid="letter-produced">
            {t('letters.documents.produced', { type: documentTypeLabel(t, produced) })}
          </Alert>
        ) : null}
        <FormErrors error={produce.error} fields={[]} />
        {documents.isPending ? <Loading /> : null}
        {documents.isError ? <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} /> : null}
        {documents.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="case-documents-empty">
            {t('letters.documents.empty')}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('letters.documents.columns.type')}</Table.Th>
                  <Table.Th>{t('letters.documents.columns.date')}</Table.Th>
                  <Table.Th>{t('letters.documents.columns.delivery')}</Table.Th>
                  <Table.Th>{t('letters.documents.columns.sha256')}</Table.Th>
                  <Table.Th>{t('letters.documents.columns.download')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((document) => (
                  <Table.Tr key={document.id} data-testid="case-document" data-document-id={document.id}>
                    <Table.Td>
                      {t(`letters.documents.kinds.${document.kind}`)} · {documentTypeLabel(t, document)}
                    </Table.Td>
                    <Table.Td>{format.dateTime(document.createdAt)}</Table.Td>
                    <Table.Td>
                      <DeliveryBadge delivery={document.delivery} />
                    </Table.Td>
                    <Table.Td>
                      <Code title={t('letters.documents.shaTitle', { sha: document.sha256 })} data-testid="case-document-sha">
                        {shortSha(document.sha256)}…
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        href={documentContentUrl(document.id)}
                        download={document.filename}
                        size="sm"
                        data-testid="case-document-download"
                      >
                        {t('letters.documents.download')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Section>
  );
}
