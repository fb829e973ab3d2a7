import { Stack, Textarea } from '@mantine/core';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterTemplateFields, TemplateFieldId, TemplateIssueDto } from '../../api/types';
import { TEMPLATE_FIELDS } from './letter-lists';

interface TemplateFieldsEditorProps {
  readonly fields: LetterTemplateFields;
  readonly onChange: (fields: LetterTemplateFields) => void;
  /** Where the cursor is, so a clicked variable lands there. */
  readonly onCursor: (field: TemplateFieldId, start: number, end: number) => void;
  readonly readOnly: boolean;
  /** The check's template problems; each shows under its paragraph. */
  readonly issues: readonly TemplateIssueDto[];
}

/** The five editable paragraphs of a letter, in the order the letter shows them. */
export function TemplateFieldsEditor({ fields, onChange, onCursor, readOnly, issues }: TemplateFieldsEditorProps) {
  const { t } = useTranslation();
  const track = (field: TemplateFieldId) => (event: SyntheticEvent<HTMLTextAreaElement>) =>
    onCursor(field, event.currentTarget.selectionStart, event.currentTarget.selectionEnd);
  return (
    <Stack gap="sm">
      {TEMPLATE_FIELDS.map((field) => {
        const problems = issues.filter((issue) => issue.field === field).map((issue) => issue.message);
        return (
          <Textarea
            key={field}
            label={t(`letters.fields.${field}`)}
            value={fields[field]}
            onChange={(event) => {
              onChange({ ...fields, [field]: event.currentTarget.value });
              track(field)(event);
            }}
            onSelect={track(field)}
            onClick={track(field)}
            onKeyUp={track(field)}
            readOnly={readOnly}
            error={problems.length > 0 ? problems.join(' · ') : undefined}
            autosize
            minRows={field === 'subject' ? 1 : 3}
            maxRows={14}
            maxLength={20000}
            spellCheck
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            data-testid={`letter-field-${field}`}
          />
        );
      })}
    </Stack>
  );
}
