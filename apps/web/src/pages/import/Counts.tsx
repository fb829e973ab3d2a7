import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../api/types';

type Counts = NonNullable<ImportPreview['check']>['counts'];

/** "12 factures seront créées, 3 mises à jour, 40 inchangées" (dry run) or "12 factures créées, …" (done). */
export function CountsSentence({
  counts,
  tense,
  testId,
}: {
  readonly counts: Counts;
  readonly tense: 'check' | 'result';
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  const parts =
    tense === 'check'
      ? [
          t('import.check.created', { count: counts.created }),
          t('import.check.updated', { count: counts.updated }),
          t('import.check.unchanged', { count: counts.unchanged }),
        ]
      : [
          t('import.result.created', { count: counts.created }),
          t('import.result.updated', { count: counts.updated }),
          t('import.result.unchanged', { count: counts.unchanged }),
        ];
  const rejected =
    tense === 'check' ? t('import.check.rejected', { count: counts.rejected }) : t('import.result.rejected', { count: counts.rejected });
  return (
    <div data-testid={testId}>
      <Text fw={500}>{`${parts.join(', ')}.`}</Text>
      {counts.rejected > 0 ? (
        <Text fw={500} c="red.8" data-testid={testId ? `${testId}-rejected` : undefined}>
          {`${rejected}.`}
        </Text>
      ) : null}
    </div>
  );
}
