import { Alert, Button, FileInput, Group, Image, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditorLogoUrl, useUploadCreditorLogo } from '../../api/creditors';
import type { Creditor } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { Section } from '../../components/Section';

/** The creditor's logo as its letters print it (top left of the letterhead), and a new one to upload. */
export function CreditorLogoSection({ creditor, canEdit }: { readonly creditor: Creditor; readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadCreditorLogo(creditor.id);
  const [file, setFile] = useState<File | null>(null);

  return (
    <Section title={t('creditors.sections.logo')} testId="creditor-logo">
      <Stack gap="xs">
        {creditor.hasLogo ? (
          <Image
            src={creditorLogoUrl(creditor.id, creditor.updatedAt)}
            alt={t('creditors.logo.current')}
            h={56}
            w="auto"
            fit="contain"
            style={{ alignSelf: 'flex-start' }}
            data-testid="creditor-logo-image"
          />
        ) : (
          <Text size="sm" c="dimmed" data-testid="creditor-logo-none">
            {t('creditors.logo.none')}
          </Text>
        )}
        {canEdit ? (
          <>
            <FormErrors error={upload.error} fields={[]} />
            {upload.isSuccess ? (
              <Alert color="green" p="xs" data-testid="creditor-logo-uploaded">
                {t('creditors.logo.uploaded')}
              </Alert>
            ) : null}
            <Group align="flex-end" gap="sm">
              <FileInput
                label={t('creditors.logo.pick')}
                accept="image/png,image/jpeg"
                value={file}
                onChange={setFile}
                clearable
                w={320}
                data-testid="creditor-logo-file"
              />
              <Button
                onClick={() => file && upload.mutate(file, { onSuccess: () => setFile(null) })}
                disabled={!file}
                loading={upload.isPending}
                data-testid="creditor-logo-upload"
              >
                {t('creditors.logo.upload')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Section>
  );
}
