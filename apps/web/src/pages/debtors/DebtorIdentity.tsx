import { Anchor, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ChangeEvent, type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { usePatchDebtor } from '../../api/debtors';
import type { Debtor, DebtorKind, DebtorPatch } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { Section } from '../../components/Section';
import { DEBTOR_KINDS } from './filters';

interface IdentityValues {
  kind: DebtorKind;
  name: string;
  siren: string;
  siret: string;
  vatNumber: string;
  email: string;
  phone: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  preferredLocale: 'fr' | 'en';
  tags: string[];
}

function valuesOf(debtor: Debtor): IdentityValues {
  return {
    kind: debtor.kind,
    name: debtor.name,
    siren: debtor.siren ?? '',
    siret: debtor.siret ?? '',
    vatNumber: debtor.vatNumber ?? '',
    email: debtor.email ?? '',
    phone: debtor.phone ?? '',
    line1: debtor.address.line1 ?? '',
    line2: debtor.address.line2 ?? '',
    postalCode: debtor.address.postalCode ?? '',
    city: debtor.address.city ?? '',
    country: debtor.address.country ?? '',
    preferredLocale: debtor.preferredLocale,
    tags: [...debtor.tags],
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The PATCH body: every editable field, blanks sent as null. Validation is the API's job. */
function patchOf(values: IdentityValues): DebtorPatch {
  return {
    kind: values.kind,
    name: values.name.trim(),
    siren: orNull(values.siren),
    siret: orNull(values.siret),
    vatNumber: orNull(values.vatNumber),
    email: orNull(values.email),
    phone: orNull(values.phone),
    address: {
      line1: orNull(values.line1),
      line2: orNull(values.line2),
      postalCode: orNull(values.postalCode),
      city: orNull(values.city),
      country: orNull(values.country.toUpperCase()),
    },
    preferredLocale: values.preferredLocale,
    tags: values.tags,
  };
}

/** API field path of each input, so issues land next to the right one. */
const FIELD_PATHS: Record<Exclude<keyof IdentityValues, 'tags'>, string> = {
  kind: 'kind',
  name: 'name',
  siren: 'siren',
  siret: 'siret',
  vatNumber: 'vatNumber',
  email: 'email',
  phone: 'phone',
  line1: 'address.line1',
  line2: 'address.line2',
  postalCode: 'address.postalCode',
  city: 'address.city',
  country: 'address.country',
  preferredLocale: 'preferredLocale',
};
const KNOWN_FIELDS = [...Object.values(FIELD_PATHS), 'tags', 'address'];

function IdentityForm({ debtor, onDone }: { readonly debtor: Debtor; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => valuesOf(debtor));
  const patch = usePatchDebtor(debtor.id);
  const apiError = isApiError(patch.error) ? patch.error : null;
  const set = <K extends keyof IdentityValues>(key: K, value: IdentityValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const text = (
    key: Exclude<keyof IdentityValues, 'tags' | 'kind' | 'preferredLocale'>,
    extra: { maxLength?: number; type?: string } = {},
  ) => ({
    label: t(`debtor.fields.${key}`),
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
    error: apiError?.issueFor(FIELD_PATHS[key]),
    'data-testid': `debtor-field-${key}`,
    ...extra,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    patch.mutate(patchOf(values), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('common.saved') });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="debtor-identity-form">
      <Stack gap="sm">
        <FormErrors error={patch.error} fields={KNOWN_FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput {...text('name', { maxLength: 200 })} required />
          <NativeSelect
            label={t('debtor.fields.kind')}
            value={values.kind}
            onChange={(event) => set('kind', event.currentTarget.value === 'consumer' ? 'consumer' : 'business')}
            data={DEBTOR_KINDS.map((kind) => ({ value: kind, label: t(`debtor.kinds.${kind}`) }))}
            error={apiError?.issueFor('kind')}
          />
          <TextInput {...text('siren', { maxLength: 20 })} inputMode="numeric" />
          <TextInput {...text('siret', { maxLength: 30 })} inputMode="numeric" />
          <TextInput {...text('vatNumber', { maxLength: 30 })} />
          <TextInput {...text('email', { maxLength: 254, type: 'email' })} />
          <TextInput {...text('phone', { maxLength: 40, type: 'tel' })} />
          <NativeSelect
            label={t('debtor.fields.preferredLocale')}
            value={values.preferredLocale}
            onChange={(event) => set('preferredLocale', event.currentTarget.value === 'en' ? 'en' : 'fr')}
            data={[
              { value: 'fr', label: t('debtor.locales.fr') },
              { value: 'en', label: t('debtor.locales.en') },
            ]}
            error={apiError?.issueFor('preferredLocale')}
          />
          <TextInput {...text('line1', { maxLength: 200 })} />
          <TextInput {...text('line2', { maxLength: 200 })} />
          <TextInput {...text('postalCode', { maxLength: 20 })} />
          <TextInput {...text('city', { maxLength: 100 })} />
          <TextInput {...text('country', { maxLength: 2 })} />
          <TagsInput
            label={t('debtor.fields.tags')}
            placeholder={t('debtor.fields.tagsPlaceholder')}
            value={values.tags}
            onChange={(tags) => set('tags', tags)}
            error={apiError?.issues.find((issue) => issue.field === 'tags' || issue.field.startsWith('tags.'))?.message}
            maxTags={30}
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" loading={patch.isPending} data-testid="debtor-save">
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Item({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children ?? '—'}
      </Text>
    </div>
  );
}

function IdentityView({ debtor }: { readonly debtor: Debtor }) {
  const { t } = useTranslation();
  const address = [
    debtor.address.line1,
    debtor.address.line2,
    [debtor.address.postalCode, debtor.address.city].filter(Boolean).join(' '),
    debtor.address.country,
  ]
    .filter((part) => part)
    .join('\n');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" data-testid="debtor-identity">
      <Item label={t('debtor.fields.kind')}>{t(`debtor.kinds.${debtor.kind}`)}</Item>
      <Item label={t('debtor.fields.siren')}>{debtor.siren}</Item>
      <Item label={t('debtor.fields.siret')}>{debtor.siret}</Item>
      <Item label={t('debtor.fields.vatNumber')}>{debtor.vatNumber}</Item>
      <Item label={t('debtor.fields.email')}>{debtor.email ? <Anchor href={`mailto:${debtor.email}`}>{debtor.email}</Anchor> : null}</Item>
      <Item label={t('debtor.fields.phone')}>{debtor.phone ? <Anchor href={`tel:${debtor.phone}`}>{debtor.phone}</Anchor> : null}</Item>
      <Item label={t('debtor.address')}>{address ? <span style={{ whiteSpace: 'pre-line' }}>{address}</span> : null}</Item>
      <Item label={t('debtor.fields.preferredLocale')}>{t(`debtor.locales.${debtor.preferredLocale}`)}</Item>
      <Item label={t('debtor.fields.tags')}>
        {debtor.tags.length > 0 ? (
          <Group gap={4}>
            {debtor.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="outline" color="gray">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Item>
      {debtor.accountCodes.length > 0 ? (
        <Item label={t('debtor.accountCodes')}>{debtor.accountCodes.map((code) => code.accountCode).join(', ')}</Item>
      ) : null}
    </SimpleGrid>
  );
}

export function DebtorIdentity({ debtor, canEdit }: { readonly debtor: Debtor; readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Section
      title={t('debtor.identity')}
      testId="debtor-identity-section"
      actions={
        canEdit && !editing ? (
          <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="debtor-edit">
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {editing ? <IdentityForm debtor={debtor} onDone={() => setEditing(false)} /> : <IdentityView debtor={debtor} />}
    </Section>
  );
}
