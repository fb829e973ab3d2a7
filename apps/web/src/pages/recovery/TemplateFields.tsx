import { Fieldset, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateLocale } from './scenario-form';

interface TemplateFieldsProps {
  readonly locale: TemplateLocale;
  readonly value: { readonly subject: string; readonly body: string };
  readonly onChange: (value: { subject: string; body: string }) => void;
  /** The API's issues of this step, by field ("templates.fr.subject"). */
  readonly issues: ReadonlyMap<string, string> | undefined;
}

/** Subject and text of one language's template. */
export function TemplateFields({ locale, value, onChange, issues }: TemplateFieldsProps) {
  const { t } = useTranslation();
  const issue = (part: 'subject' | 'body') => issues?.get(`templates.${locale}.${part}`) ?? issues?.get(`templates.${locale}`);
  return (
    <Fieldset legend={t(`recovery.scenarios.step.locales.${locale}`)} variant="filled" p="sm">
      <Stack gap="xs">
        <TextInput
          label={t('recovery.scenarios.step.subject')}
          value={value.subject}
          onChange={(event) => onChange({ ...value, subject: event.currentTarget.value })}
          error={issue('subject')}
          maxLength={300}
          data-testid={`step-template-${locale}-subject`}
        />
        <Textarea
          label={t('recovery.scenarios.step.body')}
          value={value.body}
          onChange={(event) => onChange({ ...value, body: event.currentTarget.value })}
          error={issues?.get(`templates.${locale}.body`)}
          autosize
          minRows={3}
          maxLength={20000}
          data-testid={`step-template-${locale}-body`}
        />
      </Stack>
    </Fieldset>
  );
}
