import { Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useCases } from '../../api/recovery-cases';
import type { CaseState } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { CASE_STATES } from './CaseStateBadge';
import { CaseTable } from './CaseTable';

const isCaseState = (value: string | null): value is CaseState => (CASE_STATES as readonly (string | null)[]).includes(value);

/** "Dossiers": every case with its state, filterable by state (?state= in the URL). */
export function CasesPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const requested = new URLSearchParams(search).get('state');
  const state = isCaseState(requested) ? requested : undefined;
  const cases = useCases(state ? { state, limit: 500 } : { limit: 500 });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('recovery.cases.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('recovery.cases.intro')}
          </Text>
        </div>
        <NativeSelect
          label={t('recovery.cases.state')}
          value={state ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            navigate(value ? `/recovery/cases?state=${value}` : '/recovery/cases', { replace: true });
          }}
          data={[
            { value: '', label: t('recovery.cases.allStates') },
            ...CASE_STATES.map((value) => ({ value, label: t(`recovery.caseStates.${value}`) })),
          ]}
          data-testid="case-filter-state"
        />
      </Group>
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data ? <CaseTable cases={cases.data} /> : null}
    </Stack>
  );
}
