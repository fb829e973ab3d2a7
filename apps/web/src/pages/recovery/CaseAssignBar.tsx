import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgents, useAssignCases } from '../../api/recovery-cases';
import { CommandError } from './CommandError';
import { issuesByField } from './issues';
import { agentOptions } from './agent-options';

interface CaseAssignBarProps {
  /** The ticked cases, in the order of the list. */
  readonly caseIds: readonly string[];
  readonly onDone: () => void;
}

/** A manager gives the ticked cases to one member, or to nobody, in one step (all or nothing). */
export function CaseAssignBar({ caseIds, onDone }: CaseAssignBarProps) {
  const { t } = useTranslation();
  const agents = useAgents();
  const assign = useAssignCases();
  // Nothing chosen at first: « Personne » takes the cases back, so it must be picked, never the default.
  const [assigneeId, setAssigneeId] = useState('');

  const submit = () => {
    const chosen = agents.data?.find((a) => a.id === assigneeId);
    assign.mutate(
      { caseIds: [...caseIds], assigneeId: assigneeId === 'none' ? null : assigneeId },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'green',
            message:
              result.changed === 0
                ? t('recovery.cases.bulk.unchanged')
                : assigneeId !== 'none'
                  ? t('recovery.cases.bulk.assigned', { count: result.changed, name: chosen?.name ?? '' })
                  : t('recovery.cases.bulk.released', { count: result.changed }),
          });
          onDone();
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" data-testid="case-assign-bar">
      <Stack gap="xs">
        <CommandError error={assign.error} fields={['assigneeId']} />
        <Group gap="sm" align="flex-end">
          <Text size="sm" fw={500} data-testid="case-assign-count">
            {t('recovery.cases.bulk.selected', { count: caseIds.length })}
          </Text>
          <NativeSelect
            label={t('recovery.cases.bulk.to')}
            value={assigneeId}
            error={issuesByField(assign.error).get('assigneeId')}
            disabled={assign.isPending || !agents.data}
            onChange={(event) => setAssigneeId(event.currentTarget.value)}
            data={[
              { value: '', label: t('recovery.cases.bulk.choose'), disabled: true },
              { value: 'none', label: t('recovery.case.assignee.unassigned') },
              ...agentOptions(agents.data),
            ]}
            data-testid="case-assign-select"
          />
          <Button onClick={submit} loading={assign.isPending} disabled={assigneeId === ''} data-testid="case-assign-submit">
            {t('recovery.cases.bulk.submit')}
          </Button>
          <Button variant="subtle" onClick={onDone} disabled={assign.isPending}>
            {t('recovery.cases.bulk.clear')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
