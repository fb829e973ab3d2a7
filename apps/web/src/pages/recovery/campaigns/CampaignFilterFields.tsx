import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignCaseState } from '../../../api/types';
import { CreditorSelect } from '../../../components/CreditorSelect';
import { CAMPAIGN_CASE_STATES, type CampaignForm, type CampaignProblems } from './campaign-form';

type EditorKey =
  | 'creditor'
  | 'debtorKind'
  | 'search'
  | 'tags'
  | 'minOutstanding'
  | 'minDaysOverdue'
  | 'caseStates'
  | 'overdueOnly'
  | 'invalidAmount'
  | 'invalidDays';

interface CampaignFilterFieldsProps {
  readonly form: CampaignForm;
  readonly onChange: (next: Partial<CampaignForm>) => void;
  /** The API's issues by field ("filter.minOutstanding"). */
  readonly issues: ReadonlyMap<string, string>;
  readonly problems: CampaignProblems;
}

/** Which debtors a campaign reaches: the debtors list's filters, an amount, a delay, and the case states. */
export function CampaignFilterFields({ form, onChange, issues, problems }: CampaignFilterFieldsProps) {
  const { t } = useTranslation();
  const label = (key: EditorKey) => t(`recovery.campaigns.editor.${key}`);
  const issue = (field: string) => issues.get(`filter.${field}`);
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {t('recovery.campaigns.editor.filterHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <CreditorSelect
          label={label('creditor')}
          emptyLabel={t('recovery.campaigns.editor.allCreditors')}
          value={form.creditorId}
          onChange={(creditorId) => onChange({ creditorId })}
          error={issue('creditorId')}
          testId="campaign-filter-creditor"
        />
        <NativeSelect
          label={label('debtorKind')}
          value={form.debtorKind}
          onChange={(event) => onChange({ debtorKind: event.currentTarget.value as CampaignForm['debtorKind'] })}
          data={[
            { value: '', label: t('recovery.campaigns.editor.allKinds') },
            { value: 'business', label: t('recovery.campaigns.editor.kinds.business') },
            { value: 'consumer', label: t('recovery.campaigns.editor.kinds.consumer') },
          ]}
          data-testid="campaign-filter-kind"
        />
        <TextInput
          label={label('search')}
          value={form.search}
          onChange={(event) => onChange({ search: event.currentTarget.value })}
          error={issue('search')}
          maxLength={200}
          data-testid="campaign-filter-search"
        />
        <TagsInput
          label={label('tags')}
          placeholder={t('recovery.campaigns.editor.tagsPlaceholder')}
          value={[...form.tags]}
          onChange={(tags) => onChange({ tags })}
          error={issue('tags')}
          maxTags={10}
          data-testid="campaign-filter-tags"
        />
        <TextInput
          label={label('minOutstanding')}
          value={form.minOutstanding}
          onChange={(event) => onChange({ minOutstanding: event.currentTarget.value })}
          error={problems.minOutstanding ? label(problems.minOutstanding) : issue('minOutstanding')}
          inputMode="decimal"
          rightSection="€"
          data-testid="campaign-filter-min-outstanding"
        />
        <TextInput
          label={label('minDaysOverdue')}
          value={form.minDaysOverdue}
          onChange={(event) => onChange({ minDaysOverdue: event.currentTarget.value })}
          error={problems.minDaysOverdue ? label(problems.minDaysOverdue) : issue('minDaysOverdue')}
          inputMode="numeric"
          data-testid="campaign-filter-min-days"
        />
      </SimpleGrid>
      <Checkbox.Group
        label={label('caseStates')}
        value={[...form.caseStates]}
        onChange={(states) => onChange({ caseStates: states as CampaignCaseState[] })}
        error={issue('caseStates')}
      >
        <Group gap="md" mt={4}>
          {CAMPAIGN_CASE_STATES.map((state) => (
            <Checkbox key={state} value={state} label={t(`recovery.caseStates.${state}`)} data-testid={`campaign-filter-state-${state}`} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox
        label={label('overdueOnly')}
        description={t('recovery.campaigns.editor.overdueOnlyHelp')}
        checked={form.overdueOnly}
        onChange={(event) => onChange({ overdueOnly: event.currentTarget.checked })}
        data-testid="campaign-filter-overdue-only"
      />
    </Stack>
  );
}
