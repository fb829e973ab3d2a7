import { NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEmailPreview, usePdfPreview } from '../../api/letters';
import { useCases } from '../../api/recovery-cases';
import type { LetterTemplateFields, LetterTypeId } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';

interface TemplatePreviewProps {
  readonly type: LetterTypeId;
  readonly lang: 'fr' | 'en';
  /** The last text that passed the check. */
  readonly fields: LetterTemplateFields;
}

const FRAME = { width: '100%', height: 640, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: '#fff' };

/** A blob: address for the fetched PDF, released when the PDF changes or the preview goes. */
function useObjectUrl(blob: Blob | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob || typeof URL.createObjectURL !== 'function') return;
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

/** The letter as PDF and as e-mail side by side, on the fictitious case of its type or on a real case. */
export function TemplatePreview({ type, lang, fields }: TemplatePreviewProps) {
  const { t } = useTranslation();
  const [caseId, setCaseId] = useState<string | null>(null);
  const cases = useCases({ limit: 100 });
  const pdf = usePdfPreview(type, lang, fields, caseId, true);
  const email = useEmailPreview(type, lang, fields, caseId, true);
  const pdfUrl = useObjectUrl(pdf.data);

  const caseSelect = (
    <NativeSelect
      aria-label={t('letters.preview.on')}
      size="xs"
      value={caseId ?? ''}
      onChange={(event) => setCaseId(event.currentTarget.value || null)}
      data={[
        { value: '', label: t('letters.preview.sample') },
        ...(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.debtor.name} — ${c.creditor.name}` })),
      ]}
      data-testid="letter-preview-case"
    />
  );

  return (
    <Section title={t('letters.preview.title')} actions={caseSelect} testId="letter-preview">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('letters.preview.pdf')}
          </Text>
          {pdf.isError ? <FormErrors error={pdf.error} fields={[]} /> : null}
          {pdfUrl && !pdf.isError ? (
            <iframe src={pdfUrl} title={t('letters.preview.pdfFrame')} style={FRAME} data-testid="letter-preview-pdf" />
          ) : pdf.isPending ? (
            <Loading />
          ) : null}
        </Stack>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('letters.preview.email')}
          </Text>
          {email.isError ? <FormErrors error={email.error} fields={[]} /> : null}
          {email.data && !email.isError ? (
            <>
              <Text size="sm" data-testid="letter-preview-subject">
                {t('letters.preview.subject', { subject: email.data.subject })}
              </Text>
              {/* No scripts, no same origin: the e-mail's HTML can do nothing but show itself. */}
              <iframe
                sandbox=""
                srcDoc={email.data.html}
                title={t('letters.preview.emailFrame')}
                style={FRAME}
                data-testid="letter-preview-email"
              />
            </>
          ) : email.isPending ? (
            <Loading />
          ) : null}
        </Stack>
      </SimpleGrid>
    </Section>
  );
}
