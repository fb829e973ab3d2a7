import { Grid, SegmentedControl, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useDispatches } from '../../api/recovery-cases';
import { useSession } from '../../components/Session';
import { canWorkRecovery } from '../../lib/permissions';
import { CallScript } from './CallScript';
import { DispatchHeader } from './DispatchHeader';
import { DispatchList } from './DispatchList';
import { OutcomeForm } from './OutcomeForm';

const WHOSE = ['all', 'mine', 'none'] as const;
type Whose = (typeof WHOSE)[number];

/**
 * Today's calls and tasks, highest priority first, each with its call script and the outcome form. In a team,
 * an agent narrows it to the cases they are in charge of, or picks among those nobody follows (?who= in the URL).
 */
export function WorklistTab() {
  const { t } = useTranslation();
  const me = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const requested = new URLSearchParams(search).get('who');
  const whose: Whose = (WHOSE as readonly (string | null)[]).includes(requested) ? (requested as Whose) : 'all';
  const worklist = useDispatches('worklist', whose === 'mine' ? me.user.id : whose === 'none' ? 'none' : undefined);
  const canWork = canWorkRecovery(me.role);
  // The API sends them by priority already; a stable sort keeps that promise if it ever does not.
  const data = useMemo(() => worklist.data?.slice().sort((a, b) => b.priority - a.priority), [worklist.data]);

  return (
    <DispatchList
      query={{ ...worklist, data }}
      empty={t('recovery.worklist.empty')}
      notice={canWork ? undefined : t('recovery.worklist.readOnly')}
      filter={
        <SegmentedControl
          value={whose}
          onChange={(value) => navigate(value === 'all' ? '/recovery' : `/recovery?who=${value}`, { replace: true })}
          data={WHOSE.map((value) => ({ value, label: t(`recovery.worklist.whose.${value}`) }))}
          data-testid="worklist-whose"
        />
      }
      testId="worklist"
    >
      {(dispatch, index) => (
        <Stack gap="sm">
          <DispatchHeader dispatch={dispatch} rank={index + 1} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: canWork ? 5 : 12 }}>
              <CallScript dispatch={dispatch} />
            </Grid.Col>
            {canWork ? (
              <Grid.Col span={{ base: 12, md: 7 }}>
                <OutcomeForm dispatchId={dispatch.id} />
              </Grid.Col>
            ) : null}
          </Grid>
        </Stack>
      )}
    </DispatchList>
  );
}
