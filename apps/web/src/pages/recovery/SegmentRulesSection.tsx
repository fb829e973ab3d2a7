import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSegments } from '../../api/recovery-settings';
import type { ScenarioDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { SegmentRulesForm } from './SegmentRulesForm';

/** The ordered segment rules (first match wins): add, remove, reorder, edit the criteria, save them all at once. */
export function SegmentRulesSection({ scenarios, readOnly }: { readonly scenarios: readonly ScenarioDto[]; readonly readOnly: boolean }) {
  const { t } = useTranslation();
  const segments = useSegments();
  return (
    <Section title={t('recovery.segments.title')} testId="segment-rules">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('recovery.segments.intro')}
        </Text>
        {segments.isPending ? <Loading /> : null}
        {segments.isError ? <ErrorAlert error={segments.error} onRetry={() => void segments.refetch()} /> : null}
        {segments.data ? <SegmentRulesForm initial={segments.data} scenarios={scenarios} readOnly={readOnly} /> : null}
      </Stack>
    </Section>
  );
}
