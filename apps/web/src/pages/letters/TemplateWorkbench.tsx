import { Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type useSaveLetterTemplate, useTemplateCheck } from '../../api/letters';
import type { LetterTemplateDto, LetterTemplateFields, LetterVariableDoc, MentionDto, TemplateFieldId } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { Section } from '../../components/Section';
import { TemplateCheckPanel } from './TemplateCheckPanel';
import { TemplateFieldsEditor } from './TemplateFieldsEditor';
import { TemplatePreview } from './TemplatePreview';
import { VariablesPanel } from './VariablesPanel';
import { VersionHistory } from './VersionHistory';
import { sameFields } from './letter-lists';

/** The check runs once typing pauses this long; the preview follows the last text that passed it. */
const CHECK_DELAY_MS = 400;

interface TemplateWorkbenchProps {
  readonly template: LetterTemplateDto;
  readonly variables: readonly LetterVariableDoc[];
  readonly mentions: readonly MentionDto[];
  readonly canEdit: boolean;
  readonly save: ReturnType<typeof useSaveLetterTemplate>;
}

interface Cursor {
  readonly field: TemplateFieldId;
  readonly start: number;
  readonly end: number;
}

/** One text being edited: the five paragraphs, the variables, the live check, the preview and the versions. */
export function TemplateWorkbench({ template, variables, mentions, canEdit, save }: TemplateWorkbenchProps) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<LetterTemplateFields>(template.current.fields);
  const [debounced] = useDebouncedValue(fields, CHECK_DELAY_MS);
  const check = useTemplateCheck(template.type, template.lang, debounced);
  // The answer about the text on screen, not about an older one still displayed while the next check runs.
  const checked = check.data && !check.isPlaceholderData && debounced === fields ? check.data : null;
  const [previewed, setPreviewed] = useState<LetterTemplateFields>(template.current.fields);
  useEffect(() => {
    if (checked?.ok) setPreviewed(debounced);
  }, [checked, debounced]);
  const cursor = useRef<Cursor | null>(null);

  const dirty = !sameFields(fields, template.current.fields);
  const canSave = canEdit && dirty && checked?.ok === true && !save.isPending;
  const submit = (values: LetterTemplateFields) => save.mutate({ lang: template.lang, creditorId: template.creditorId, fields: values });

  /** Puts a variable where the cursor was last (the end of the opening paragraph before any click). */
  const insert = (token: string) => {
    const at = cursor.current ?? { field: 'opening', start: fields.opening.length, end: fields.opening.length };
    setFields((current) => {
      const text = current[at.field];
      return { ...current, [at.field]: `${text.slice(0, at.start)}${token}${text.slice(at.end)}` };
    });
    cursor.current = { field: at.field, start: at.start + token.length, end: at.start + token.length };
  };

  const current = template.current;
  const source =
    current.version === 0
      ? t('letters.editor.source.default')
      : t(current.creditorId ? 'letters.editor.source.creditor' : 'letters.editor.source.tenant', { version: current.version });
  const status = !dirty ? null : checked?.ok === false ? t('letters.editor.blocked') : t('letters.editor.dirty');

  return (
    <Stack gap="md">
      <Text size="sm" data-testid="letter-source">
        {t('letters.editor.inUse', { source })}
        {template.creditorId && current.creditorId === null ? ` ${t('letters.editor.inherited')}` : ''}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section title={t(`letters.types.${template.type}`)} testId="letter-editor">
            <Stack gap="sm">
              <TemplateFieldsEditor
                fields={fields}
                onChange={setFields}
                onCursor={(field, start, end) => {
                  cursor.current = { field, start, end };
                }}
                readOnly={!canEdit}
                issues={checked?.templateIssues ?? []}
              />
              {canEdit ? (
                <Group gap="sm">
                  <Button onClick={() => submit(fields)} disabled={!canSave} loading={save.isPending} data-testid="letter-save">
                    {t('letters.editor.save')}
                  </Button>
                  <Button variant="default" onClick={() => setFields(template.shipped)} data-testid="letter-reset">
                    {t('letters.editor.reset')}
                  </Button>
                  {status ? (
                    <Text size="sm" c={checked?.ok === false ? 'red.8' : 'dimmed'} data-testid="letter-status">
                      {status}
                    </Text>
                  ) : null}
                </Group>
              ) : null}
              <FormErrors error={save.error} fields={[]} />
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <TemplateCheckPanel
              result={checked ?? check.data ?? null}
              checking={debounced !== fields || check.isFetching}
              mentions={mentions}
            />
            <VariablesPanel variables={variables} onInsert={canEdit ? insert : undefined} />
          </Stack>
        </Grid.Col>
      </Grid>
      <TemplatePreview type={template.type} lang={template.lang} fields={previewed} />
      <VersionHistory
        versions={template.history}
        currentLabel={current.label}
        canRestore={canEdit && !save.isPending}
        onRestore={(version) => submit(version.fields)}
      />
    </Stack>
  );
}
