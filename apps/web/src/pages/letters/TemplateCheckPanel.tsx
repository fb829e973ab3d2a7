import { Alert, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MentionDto, TemplateCheckResult } from '../../api/types';

interface TemplateCheckPanelProps {
  /** The latest answer of the check (it may lag the text by one pause while `checking`). */
  readonly result: TemplateCheckResult | null;
  readonly checking: boolean;
  /** What this type of letter must show, from the catalog. */
  readonly mentions: readonly MentionDto[];
}

/** The live check: problems in the text with their line and column, and the mandatory mentions still missing. */
export function TemplateCheckPanel({ result, checking, mentions }: TemplateCheckPanelProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="letter-check" data-ok={result?.ok ?? undefined} aria-live="polite">
      <Group gap="xs">
        <Text fw={600}>{t('letters.check.title')}</Text>
        {checking ? (
          <Group gap={4} data-testid="letter-check-running">
            <Loader size={12} />
            <Text size="xs" c="dimmed">
              {t('letters.check.checking')}
            </Text>
          </Group>
        ) : null}
      </Group>
      {result?.ok ? (
        <Alert color="green" p="xs" data-testid="letter-check-ok">
          <Text size="sm">{t('letters.check.ok')}</Text>
        </Alert>
      ) : null}
      {result && result.templateIssues.length > 0 ? (
        <Alert color="red" p="xs" title={t('letters.check.templateIssues')}>
          <List size="sm" spacing={2}>
            {result.templateIssues.map((issue) => (
              <List.Item
                key={`${issue.field}-${issue.line}-${issue.column}-${issue.code}`}
                data-testid="letter-check-issue"
                data-field={issue.field}
              >
                {t('letters.check.issue', { field: t(`letters.fields.${issue.field}`), message: issue.message })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {result && result.missing.length > 0 ? (
        <Alert color="orange" p="xs" title={t('letters.check.missing')}>
          <List size="sm" spacing={4}>
            {result.missing.map((missing) => (
              <List.Item key={missing.mention} data-testid="letter-check-missing" data-mention={missing.mention}>
                {missing.label}
                <Text size="xs" c="dimmed">
                  {t('letters.check.lacking', { lacking: missing.lacking.join(', ') })}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <details>
        <summary>
          <Text size="xs" span c="dimmed">
            {t('letters.check.required')}
          </Text>
        </summary>
        <List size="xs" spacing={2} mt={4}>
          {mentions.map((mention) => (
            <List.Item key={mention.id}>{mention.label}</List.Item>
          ))}
        </List>
      </details>
    </Stack>
  );
}
