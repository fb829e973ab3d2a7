import { Alert, Button, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencyProfile, useSaveAgencyProfile } from '../../api/agency';
import type { AgencyProfileDto, AgencyProfileInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrors } from '../../components/FormErrors';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useSession } from '../../components/Session';
import { canManageAgency } from '../../lib/permissions';
import { useFormat } from '../../lib/use-format';
import { issuesByField, shownIssueFields } from '../recovery/issues';

const FIELDS = [
  'name',
  'siren',
  'address.line1',
  'address.line2',
  'address.postalCode',
  'address.city',
  'email',
  'phone',
  'iban',
  'bic',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const EMPTY: Values = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Values;

function valuesOf(p: AgencyProfileDto): Values {
  return {
    name: p.name,
    siren: p.siren,
    'address.line1': p.address.line1,
    'address.line2': p.address.line2 ?? '',
    'address.postalCode': p.address.postalCode,
    'address.city': p.address.city,
    email: p.email ?? '',
    phone: p.phone ?? '',
    iban: p.iban ?? '',
    bic: p.bic ?? '',
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function bodyOf(v: Values): AgencyProfileInput {
  return {
    name: v.name.trim(),
    siren: v.siren.trim(),
    address: {
      line1: v['address.line1'].trim(),
      line2: orNull(v['address.line2']),
      postalCode: v['address.postalCode'].trim(),
      city: v['address.city'].trim(),
    },
    email: orNull(v.email),
    phone: orNull(v.phone),
    iban: orNull(v.iban),
    bic: orNull(v.bic),
  };
}

/**
 * « Agence de recouvrement »: the identity an agency's letters print (name, SIREN, address, where to pay). The
 * owner edits it; the others read it. Until it is saved, the case page does not offer the agency letter.
 */
export function AgencyProfilePage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const profile = useAgencyProfile();
  const save = useSaveAgencyProfile();
  const canEdit = canManageAgency(me.role);
  const [values, setValues] = useState<Values>(EMPTY);
  const issues = issuesByField(save.error);
  const saved = profile.data ?? null;

  useEffect(() => {
    if (saved) setValues(valuesOf(saved));
  }, [saved]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(bodyOf(values));
  };

  const input = (field: Field, required = false) => (
    <TextInput
      key={field}
      label={t(`letters.agency.fields.${field}`)}
      value={values[field]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((current) => ({ ...current, [field]: value }));
      }}
      error={issues.get(field)}
      required={required}
      readOnly={!canEdit}
      data-testid={`agency-${field}`}
    />
  );

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('letters.agency.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('letters.agency.intro')}
        </Text>
      </div>
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {profile.isSuccess && !saved ? (
        <Alert color="blue" data-testid="agency-none">
          {t('letters.agency.none')}
        </Alert>
      ) : null}
      {profile.isSuccess && (canEdit || saved) ? (
        <Section title={t('letters.agency.identity')} testId="agency-profile">
          <form onSubmit={submit} noValidate data-testid="agency-form">
            <Stack gap="xs">
              <FormErrors error={save.error} fields={shownIssueFields(save.error, (f) => (FIELDS as readonly string[]).includes(f))} />
              {save.isSuccess ? (
                <Alert color="green" p="xs" data-testid="agency-saved">
                  {t('letters.agency.saved')}
                </Alert>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {input('name', true)}
                {input('siren', true)}
                {input('address.line1', true)}
                {input('address.line2')}
                {input('address.postalCode', true)}
                {input('address.city', true)}
                {input('email')}
                {input('phone')}
                {input('iban')}
                {input('bic')}
              </SimpleGrid>
              {saved ? (
                <Text size="xs" c="dimmed" data-testid="agency-updated">
                  {t('letters.agency.updated', { by: saved.updatedBy, at: format.dateTime(saved.updatedAt) })}
                </Text>
              ) : null}
              {canEdit ? (
                <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }} data-testid="agency-submit">
                  {t('common.save')}
                </Button>
              ) : (
                <Text size="sm" c="dimmed" data-testid="agency-read-only">
                  {t('letters.agency.readOnly')}
                </Text>
              )}
            </Stack>
          </form>
        </Section>
      ) : null}
    </Stack>
  );
}
