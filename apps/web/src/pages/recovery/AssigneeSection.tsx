import { NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAgents, useAssignCase } from '../../api/recovery-cases';
import type { CaseSummary } from '../../api/types';
import { Section } from '../../components/Section';
import { CommandError } from './CommandError';
import { issuesByField } from './issues';
import { agentOptions } from './agent-options';

interface AssigneeSectionProps {
  readonly caseId: string;
  readonly assignee: CaseSummary['assignee'];
  /** Managers choose; others see who it is. */
  readonly canAssign: boolean;
}

/** Who follows the case: the Reply-To of its e-mails and the contact its letters name. */
export function AssigneeSection({ caseId, assignee, canAssign }: AssigneeSectionProps) {
  const { t } = useTranslation();
  const agents = useAgents();
  const assign = useAssignCase(caseId);

  const choose = (value: string) => {
    assign.mutate(
      { assigneeId: value === '' ? null : value },
      { onSuccess: () => notifications.show({ color: 'green', message: t('recovery.case.assignee.saved') }) },
    );
  };

  return (
    <Section title={t('recovery.case.assignee.title')} testId="case-assignee">
      <Stack gap="xs">
        {canAssign ? (
          <>
            <CommandError error={assign.error} fields={['assigneeId']} />
            <NativeSelect
              label={t('recovery.case.assignee.label')}
              value={assignee?.id ?? ''}
              error={issuesByField(assign.error).get('assigneeId')}
              disabled={assign.isPending || !agents.data}
              onChange={(event) => choose(event.currentTarget.value)}
              data-testid="case-assignee-select"
              data={[{ value: '', label: t('recovery.case.assignee.unassigned') }, ...agentOptions(agents.data)]}
            />
          </>
        ) : (
          <Text size="sm" data-testid="case-assignee-name">
            {assignee ? assignee.name : t('recovery.case.assignee.none')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {assignee ? t('recovery.case.assignee.hint') : canAssign ? t('recovery.case.assignee.none') : ''}
        </Text>
      </Stack>
    </Section>
  );
}
