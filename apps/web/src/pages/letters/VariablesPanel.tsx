import { Code, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LetterVariableDoc } from '../../api/types';

interface VariablesPanelProps {
  readonly variables: readonly LetterVariableDoc[];
  /** Inserts a tag at the cursor; absent when the text is read-only. */
  readonly onInsert: ((token: string) => void) | undefined;
}

/** What a list inserts: the loop around its first field, ready to complete. */
const tokenOf = (variable: LetterVariableDoc) =>
  variable.type === 'list' ? `{{#each ${variable.name}}}{{${variable.fields?.[0]?.name ?? ''}}}{{/each}}` : `{{${variable.name}}}`;

function VariableLine({ token, doc, onInsert }: { token: string; doc: string; onInsert: VariablesPanelProps['onInsert'] }) {
  const { t } = useTranslation();
  const content = (
    <Text size="xs" span>
      <Code>{token}</Code> {doc}
    </Text>
  );
  if (!onInsert) return <div data-testid="letter-variable">{content}</div>;
  return (
    <UnstyledButton onClick={() => onInsert(token)} aria-label={t('letters.variables.insert', { token })} data-testid="letter-variable">
      {content}
    </UnstyledButton>
  );
}

/** The variables a text may use, each documented in the UI language; a click inserts it. */
export function VariablesPanel({ variables, onInsert }: VariablesPanelProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="letter-variables">
      <Text fw={600}>{t('letters.variables.title')}</Text>
      {onInsert ? (
        <Text size="xs" c="dimmed">
          {t('letters.variables.intro')}
        </Text>
      ) : null}
      <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
        <Stack gap={4}>
          {variables.map((variable) => (
            <div key={variable.name}>
              <VariableLine token={tokenOf(variable)} doc={variable.doc} onInsert={onInsert} />
              {variable.fields && variable.fields.length > 0 ? (
                <Stack gap={2} pl="md" mt={2}>
                  <Text size="xs" c="dimmed">
                    {t('letters.variables.loop')}
                  </Text>
                  {variable.fields.map((field) => (
                    <VariableLine key={field.name} token={`{{${field.name}}}`} doc={field.doc} onInsert={onInsert} />
                  ))}
                </Stack>
              ) : null}
            </div>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed">
        {t('letters.variables.conditions')} <Code>{'{{#if isConsumer}} … {{else}} … {{/if}}'}</Code>{' '}
        <Code>{'{{#unless isConsumer}} … {{/unless}}'}</Code>
      </Text>
      <Text size="xs" c="dimmed">
        {t('letters.variables.filters')} <Code>{'{{debtorName | upper}}'}</Code> <Code>{'{{deadlineDate | short}}'}</Code>
      </Text>
    </Stack>
  );
}
