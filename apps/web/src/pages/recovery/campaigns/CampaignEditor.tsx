import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreviewCampaign, useSaveCampaign } from '../../../api/recovery-campaigns';
import type { CampaignDto } from '../../../api/types';
import { FormErrors } from '../../../components/FormErrors';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../lib/use-format';
import { PlaceholderHelp } from '../PlaceholderHelp';
import { TemplateFields } from '../TemplateFields';
import { issuesByField, shownIssueFields } from '../issues';
import { TEMPLATE_LOCALES } from '../scenario-form';
import { CampaignFilterFields } from './CampaignFilterFields';
import { CampaignPreviewPanel } from './CampaignPreviewPanel';
import { type CampaignForm, type CampaignProblems, campaignBody, campaignFormOf, previewBody } from './campaign-form';

const SHOWN =
  /^(name|channel|templates(\.(fr|en)(\.(subject|body))?)?|filter\.(creditorId|search|tags|minOutstanding|minDaysOverdue|caseStates))$/;

interface CampaignEditorProps {
  /** null: a new campaign. */
  readonly campaign: CampaignDto | null;
  readonly readOnly: boolean;
  readonly onSaved: (campaign: CampaignDto) => void;
}

/** A draft: name, channel, filter and message; previewed on demand with the form as it is, saved with POST or PUT. */
export function CampaignEditor({ campaign, readOnly, onSaved }: CampaignEditorProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form, setForm] = useState<CampaignForm>(() => campaignFormOf(campaign, format.language));
  const [problems, setProblems] = useState<CampaignProblems>({});
  const [previewedForm, setPreviewedForm] = useState<CampaignForm | null>(null);
  const save = useSaveCampaign();
  const preview = usePreviewCampaign();
  const error = save.error ?? preview.error;
  const issues = issuesByField(error);
  const change = (next: Partial<CampaignForm>) => setForm((current) => ({ ...current, ...next }));

  /** The body, or null after showing the local problems. */
  const bodyOrProblems = () => {
    const outcome = campaignBody(form, format.parseAmount);
    if ('problems' in outcome) {
      setProblems(outcome.problems);
      return null;
    }
    setProblems({});
    return outcome.body;
  };
  const runPreview = () => {
    const body = bodyOrProblems();
    save.reset();
    if (!body) return preview.reset();
    preview.mutate(previewBody(body), { onSuccess: () => setPreviewedForm(form) });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOrProblems();
    preview.reset();
    if (!body) return save.reset();
    save.mutate(
      { id: campaign?.id ?? null, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('recovery.campaigns.editor.saved', { name: saved.name }) });
          onSaved(saved);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate data-testid="campaign-editor">
        <Fieldset disabled={readOnly} variant="unstyled">
          <Stack gap="md">
            <FormErrors error={error} fields={shownIssueFields(error, (field) => SHOWN.test(field))} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('recovery.campaigns.editor.name')}
                value={form.name}
                onChange={(event) => change({ name: event.currentTarget.value })}
                error={issues.get('name')}
                maxLength={120}
                required
                data-testid="campaign-name"
              />
              <NativeSelect
                label={t('recovery.campaigns.editor.channel')}
                value={form.channel}
                onChange={(event) => change({ channel: event.currentTarget.value === 'sms' ? 'sms' : 'email' })}
                data={[
                  { value: 'email', label: t('recovery.channels.email') },
                  { value: 'sms', label: t('recovery.channels.sms') },
                ]}
                error={issues.get('channel')}
                data-testid="campaign-channel"
              />
            </SimpleGrid>
            <Fieldset legend={t('recovery.campaigns.editor.filter')} p="sm">
              <CampaignFilterFields form={form} onChange={change} issues={issues} problems={problems} />
            </Fieldset>
            <Fieldset legend={t('recovery.campaigns.editor.templates')} p="sm">
              <Stack gap="xs">
                <Text size="xs" c="dimmed">
                  {t('recovery.campaigns.editor.templatesHelp')} {form.channel === 'sms' ? t('recovery.campaigns.editor.smsHelp') : null}
                </Text>
                {issues.get('templates') ? (
                  <Text size="sm" c="red" data-testid="campaign-templates-error">
                    {issues.get('templates')}
                  </Text>
                ) : null}
                <PlaceholderHelp />
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
                  {TEMPLATE_LOCALES.map((locale) => (
                    <TemplateFields
                      key={locale}
                      locale={locale}
                      value={form.templates[locale]}
                      onChange={(value) => change({ templates: { ...form.templates, [locale]: value } })}
                      issues={issues}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            </Fieldset>
            <Group gap="xs">
              <Button variant="light" onClick={runPreview} loading={preview.isPending} data-testid="campaign-preview-run">
                {t('recovery.campaigns.editor.preview')}
              </Button>
              {readOnly ? null : (
                <Button type="submit" loading={save.isPending} data-testid="campaign-save">
                  {t('recovery.campaigns.editor.save')}
                </Button>
              )}
            </Group>
          </Stack>
        </Fieldset>
      </form>
      {preview.data ? (
        <Section title={t('recovery.campaigns.preview.title')} testId="campaign-preview-section">
          <CampaignPreviewPanel preview={preview.data} stale={previewedForm !== form} />
        </Section>
      ) : null}
    </Stack>
  );
}
