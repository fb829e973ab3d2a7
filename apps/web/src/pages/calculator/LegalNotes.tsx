import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LegalWarning } from '../../api/types';

interface LegalNotesProps {
  readonly warnings: readonly LegalWarning[];
  readonly articles: readonly string[];
  readonly testIdPrefix: string;
}

/** The engine's warnings (messages already in the UI language) and the texts a result rests on. */
export function LegalNotes({ warnings, articles, testIdPrefix }: LegalNotesProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {warnings.length > 0 ? (
        <Alert color="orange" title={t('calculator.warnings')} data-testid={`${testIdPrefix}-warnings`}>
          <List size="sm">
            {warnings.map((warning) => (
              <List.Item key={`${warning.code}-${warning.halfYear ?? ''}`} data-code={warning.code}>
                {warning.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {articles.length > 0 ? (
        <div data-testid={`${testIdPrefix}-articles`}>
          <Text size="xs" c="dimmed">
            {t('calculator.articles')}
          </Text>
          <List size="sm">
            {articles.map((article) => (
              <List.Item key={article}>{article}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Stack>
  );
}
