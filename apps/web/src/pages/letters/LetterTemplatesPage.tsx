import { Alert, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLetterCatalog, useLetterTemplate, useSaveLetterTemplate } from '../../api/letters';
import type { LetterTypeId } from '../../api/types';
import { CreditorSelect } from '../../components/CreditorSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSession } from '../../components/Session';
import { canWriteLetters } from '../../lib/permissions';
import { TemplateWorkbench } from './TemplateWorkbench';
import { LETTER_TYPES, isLetterType } from './letter-lists';

type TextLanguage = 'fr' | 'en';

/**
 * Settings › Letter templates: pick a type, a language and the account or one creditor, then edit its text with
 * the live check, the preview and the version history. Everyone reads; managers save.
 */
export function LetterTemplatesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canEdit = canWriteLetters(me.role);
  const [type, setType] = useState<LetterTypeId>('formal-notice');
  const [lang, setLang] = useState<TextLanguage>('fr');
  const [creditorId, setCreditorId] = useState<string | null>(null);
  const catalog = useLetterCatalog();
  const template = useLetterTemplate(type, lang, creditorId);
  // Kept here, not in the editor: a save reloads the text and remounts the editor, the confirmation stays.
  const save = useSaveLetterTemplate(type);
  const select =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      save.reset();
      set(value);
    };
  const mentions = catalog.data?.types.find((entry) => entry.type === type)?.mentions ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('letters.editor.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('letters.editor.intro')}
        </Text>
      </div>
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('letters.editor.type')}
          value={type}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isLetterType(value)) select(setType)(value);
          }}
          data={LETTER_TYPES.map((value) => ({ value, label: t(`letters.types.${value}`) }))}
          data-testid="letter-type"
        />
        <NativeSelect
          label={t('letters.editor.language')}
          value={lang}
          onChange={(event) => select(setLang)(event.currentTarget.value === 'en' ? 'en' : 'fr')}
          data={(['fr', 'en'] as const).map((value) => ({ value, label: t(`letters.languages.${value}`) }))}
          data-testid="letter-lang"
        />
        <CreditorSelect
          value={creditorId}
          onChange={select(setCreditorId)}
          label={t('letters.editor.creditor')}
          emptyLabel={t('letters.editor.allCreditors')}
          testId="letter-creditor"
        />
      </Group>
      {canEdit ? null : (
        <Text size="sm" c="dimmed" data-testid="letters-read-only">
          {t('letters.editor.readOnly')}
        </Text>
      )}
      {save.isSuccess ? (
        <Alert color="green" data-testid="letter-saved">
          {t('letters.editor.saved', { version: save.data.version })}
        </Alert>
      ) : null}
      {template.isPending || catalog.isPending ? <Loading /> : null}
      {template.isError ? <ErrorAlert error={template.error} onRetry={() => void template.refetch()} /> : null}
      {catalog.isError ? <ErrorAlert error={catalog.error} onRetry={() => void catalog.refetch()} /> : null}
      {template.data && catalog.data ? (
        <TemplateWorkbench
          key={`${type}|${lang}|${creditorId ?? ''}|${template.data.current.label}`}
          template={template.data}
          variables={catalog.data.variables}
          mentions={mentions}
          canEdit={canEdit}
          save={save}
        />
      ) : null}
    </Stack>
  );
}
