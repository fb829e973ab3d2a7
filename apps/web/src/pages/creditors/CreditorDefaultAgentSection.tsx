import { NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDefaultAgents, useSetDefaultAgent } from '../../api/default-agents';
import { useAgents } from '../../api/recovery-cases';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { CommandError } from '../recovery/CommandError';
import { issuesByField } from '../recovery/issues';
import { agentOptions } from '../recovery/agent-options';

/**
 * Who follows this creditor's new cases: each case the planner or a campaign opens for it is born assigned to
 * that member. The cases already open keep theirs (Dossiers › « Confier à… » moves them).
 */
export function CreditorDefaultAgentSection({ creditorId, canEdit }: { readonly creditorId: string; readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const defaults = useDefaultAgents();
  const save = useSetDefaultAgent(creditorId);
  const current = defaults.data?.find((d) => d.creditorId === creditorId) ?? null;

  const choose = (value: string) =>
    save.mutate(value === '' ? null : value, {
      onSuccess: (saved) =>
        notifications.show({
          color: 'green',
          message: saved.assigneeName
            ? t('creditors.defaultAgent.saved', { name: saved.assigneeName })
            : t('creditors.defaultAgent.cleared'),
        }),
    });

  return (
    <Section title={t('creditors.sections.defaultAgent')} testId="creditor-default-agent">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {t('creditors.defaultAgent.hint')}
        </Text>
        {defaults.isError ? <ErrorAlert error={defaults.error} onRetry={() => void defaults.refetch()} /> : null}
        {canEdit ? (
          <>
            <CommandError error={save.error} fields={['assigneeId']} />
            <NativeSelect
              label={t('creditors.defaultAgent.label')}
              // Chosen once the options are there too: a value without its option would show the first one.
              value={agents.data && defaults.data ? (current?.assigneeId ?? '') : ''}
              error={issuesByField(save.error).get('assigneeId')}
              disabled={save.isPending || !agents.data || !defaults.data}
              onChange={(event) => choose(event.currentTarget.value)}
              w={420}
              data-testid="creditor-default-agent-select"
              data={[{ value: '', label: t('creditors.defaultAgent.nobody') }, ...agentOptions(agents.data)]}
            />
          </>
        ) : defaults.data ? (
          // Read only: said once the answer is in, never « Personne » while it loads.
          <Text size="sm" data-testid="creditor-default-agent-name">
            {current?.assigneeName ?? t('creditors.defaultAgent.nobody')}
          </Text>
        ) : null}
      </Stack>
    </Section>
  );
}
