import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScenarios } from '../../api/recovery-settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useSession } from '../../components/Session';
import { canManageRecovery } from '../../lib/permissions';
import { ContactPolicySection } from './ContactPolicySection';
import { ScenarioEditor } from './ScenarioEditor';
import { ScenarioList } from './ScenarioList';
import { SegmentRulesSection } from './SegmentRulesSection';

/** What is open in the editor: a scenario by id, a new one, or nothing. */
type Editing = { readonly id: string } | { readonly id: null } | null;

/** "Scénarios": the scenarios and their editor, the segment rules and the rules of contact; read-only below manager. */
export function ScenariosPage() {
  const { t } = useTranslation();
  const me = useSession();
  const readOnly = !canManageRecovery(me.role);
  const scenarios = useScenarios();
  const [editing, setEditing] = useState<Editing>(null);
  const open = editing?.id ? (scenarios.data?.find((scenario) => scenario.id === editing.id) ?? null) : null;

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('recovery.scenarios.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('recovery.scenarios.intro')}
        </Text>
      </div>
      {readOnly ? (
        <Alert color="gray" data-testid="scenarios-read-only">
          {t('recovery.scenarios.readOnly')}
        </Alert>
      ) : null}
      <Section
        title={t('recovery.scenarios.list')}
        testId="scenarios"
        actions={
          readOnly ? null : (
            <Button size="xs" onClick={() => setEditing({ id: null })} data-testid="scenario-new">
              {t('recovery.scenarios.new')}
            </Button>
          )
        }
      >
        {scenarios.isPending ? <Loading /> : null}
        {scenarios.isError ? <ErrorAlert error={scenarios.error} onRetry={() => void scenarios.refetch()} /> : null}
        {scenarios.data ? (
          <ScenarioList scenarios={scenarios.data} selectedId={editing?.id ?? null} onOpen={(id) => setEditing({ id })} />
        ) : null}
      </Section>
      {editing && (editing.id === null || open) ? (
        <Section
          title={open ? t('recovery.scenarios.editor.titleEdit', { name: open.name }) : t('recovery.scenarios.editor.titleNew')}
          testId="scenario-editor-section"
        >
          <ScenarioEditor
            // A saved scenario comes back with a new updatedAt: the editor starts again from what the API kept.
            key={open ? `${open.id}-${open.updatedAt}` : 'new'}
            scenario={open}
            readOnly={readOnly}
            onSaved={(saved) => setEditing({ id: saved.id })}
            onClose={() => setEditing(null)}
          />
        </Section>
      ) : null}
      <SegmentRulesSection scenarios={scenarios.data ?? []} readOnly={readOnly} />
      <ContactPolicySection readOnly={readOnly} />
    </Stack>
  );
}
