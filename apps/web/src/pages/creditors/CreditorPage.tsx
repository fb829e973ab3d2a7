import { Alert, Anchor, Button, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useCreateCreditor, useCreditor, useUpdateCreditor } from '../../api/creditors';
import type { Creditor } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrors } from '../../components/FormErrors';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useSession } from '../../components/Session';
import { useLinkProps } from '../../lib/links';
import { canWriteLedger } from '../../lib/permissions';
import { issuesByField, shownIssueFields } from '../recovery/issues';
import { CreditorDefaultAgentSection } from './CreditorDefaultAgentSection';
import { CreditorLogoSection } from './CreditorLogoSection';
import { CREDITOR_FIELDS, type CreditorField, type CreditorValues, EMPTY_CREDITOR, creditorBody, creditorValues } from './creditor-form';

type SectionKey = 'identity' | 'address' | 'contact' | 'payment' | 'letters' | 'recoveryContact';
type HintKey = 'payment' | 'letterLegalMentions' | 'recoveryContact';

const SECTIONS: readonly { readonly key: SectionKey; readonly fields: readonly CreditorField[]; readonly hint?: HintKey }[] = [
  { key: 'identity', fields: ['legalName', 'tradeName', 'legalForm', 'siren', 'siret', 'vatNumber'] },
  { key: 'address', fields: ['address.line1', 'address.line2', 'address.postalCode', 'address.city', 'address.country'] },
  { key: 'contact', fields: ['email', 'phone'] },
  { key: 'payment', fields: ['iban', 'bic'], hint: 'payment' },
  { key: 'letters', fields: ['letterLegalMentions'], hint: 'letterLegalMentions' },
  { key: 'recoveryContact', fields: ['recoveryContact.name', 'recoveryContact.email', 'recoveryContact.phone'], hint: 'recoveryContact' },
];

/** `/settings/creditors/new` or `/settings/creditors/{id}`: a creditor's identity, letterhead and payment details. */
export function CreditorPage({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const creating = id === 'new';
  const creditor = useCreditor(creating ? null : id);
  const linkProps = useLinkProps();
  return (
    <Stack gap="md">
      <div>
        <Anchor {...linkProps('/settings/creditors')} size="sm">
          ← {t('creditors.back')}
        </Anchor>
        <Title order={1} size="h2" data-testid="creditor-title">
          {creating ? t('creditors.newTitle') : (creditor.data?.legalName ?? t('creditors.title'))}
        </Title>
      </div>
      {creating ? <CreditorForm creditor={null} /> : null}
      {!creating && creditor.isPending ? <Loading /> : null}
      {!creating && creditor.isError ? <ErrorAlert error={creditor.error} onRetry={() => void creditor.refetch()} /> : null}
      {!creating && creditor.data ? <CreditorForm key={creditor.data.id} creditor={creditor.data} /> : null}
    </Stack>
  );
}

function CreditorForm({ creditor }: { readonly creditor: Creditor | null }) {
  const { t } = useTranslation();
  const me = useSession();
  const [, navigate] = useLocation();
  const canEdit = canWriteLedger(me.role);
  const create = useCreateCreditor();
  const update = useUpdateCreditor(creditor?.id ?? '');
  const save = creditor ? update : create;
  const [values, setValues] = useState<CreditorValues>(creditor ? creditorValues(creditor) : EMPTY_CREDITOR);
  const issues = issuesByField(save.error);
  const justCreated = new URLSearchParams(useSearch()).has('created');

  useEffect(() => {
    if (creditor) setValues(creditorValues(creditor));
  }, [creditor]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (creditor) update.mutate(creditorBody(values));
    else
      create.mutate(creditorBody(values), { onSuccess: (made) => navigate(`/settings/creditors/${made.id}?created`, { replace: true }) });
  };

  const input = (field: CreditorField) => {
    const common = {
      label: t(`creditors.fields.${field}`),
      value: values[field],
      onChange: (e: { currentTarget: { value: string } }) => {
        const value = e.currentTarget.value;
        setValues((current) => ({ ...current, [field]: value }));
      },
      error: issues.get(field),
      required: field === 'legalName',
      readOnly: !canEdit,
      'data-testid': `creditor-${field}`,
    };
    return field === 'letterLegalMentions' ? (
      <Textarea key={field} {...common} autosize minRows={2} style={{ gridColumn: '1 / -1' }} />
    ) : (
      <TextInput key={field} {...common} />
    );
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate data-testid="creditor-form">
        <Stack gap="md">
          <FormErrors error={save.error} fields={shownIssueFields(save.error, (f) => (CREDITOR_FIELDS as readonly string[]).includes(f))} />
          {justCreated && !update.isSuccess ? (
            <Alert color="green" p="xs" data-testid="creditor-created">
              {t('creditors.created')}
            </Alert>
          ) : null}
          {update.isSuccess ? (
            <Alert color="green" p="xs" data-testid="creditor-saved">
              {t('creditors.saved')}
            </Alert>
          ) : null}
          {SECTIONS.map((section) => (
            <Section key={section.key} title={t(`creditors.sections.${section.key}`)} testId={`creditor-section-${section.key}`}>
              <Stack gap="xs">
                {section.hint ? (
                  <Text size="xs" c="dimmed">
                    {t(`creditors.hints.${section.hint}`)}
                  </Text>
                ) : null}
                <SimpleGrid cols={{ base: 1, sm: section.fields.length === 1 ? 1 : section.fields.length === 2 ? 2 : 3 }} spacing="xs">
                  {section.fields.map(input)}
                </SimpleGrid>
              </Stack>
            </Section>
          ))}
          {canEdit ? (
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }} data-testid="creditor-submit">
              {t('common.save')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed" data-testid="creditor-read-only">
              {t('creditors.readOnly')}
            </Text>
          )}
        </Stack>
      </form>
      {creditor ? <CreditorLogoSection creditor={creditor} canEdit={canEdit} /> : null}
      {creditor ? <CreditorDefaultAgentSection creditorId={creditor.id} canEdit={canEdit} /> : null}
    </Stack>
  );
}
