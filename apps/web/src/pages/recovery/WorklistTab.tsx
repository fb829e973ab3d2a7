import { Grid, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDispatches } from '../../api/recovery-cases';
import { useSession } from '../../components/Session';
import { canWorkRecovery } from '../../lib/permissions';
import { CallScript } from './CallScript';
import { DispatchHeader } from './DispatchHeader';
import { DispatchList } from './DispatchList';
import { OutcomeForm } from './OutcomeForm';

/** Today's calls and tasks, highest priority first, each with its call script and the outcome form. */
export function WorklistTab() {
  const { t } = useTranslation();
  const me = useSession();
  const worklist = useDispatches('worklist');
  const canWork = canWorkRecovery(me.role);
  // The API sends them by priority already; a stable sort keeps that promise if it ever does not.
  const data = useMemo(() => worklist.data?.slice().sort((a, b) => b.priority - a.priority), [worklist.data]);

  return (
    <DispatchList
      query={{ ...worklist, data }}
      empty={t('recovery.worklist.empty')}
      notice={canWork ? undefined : t('recovery.worklist.readOnly')}
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
