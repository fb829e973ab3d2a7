import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useAddContact, usePatchContact } from '../../api/debtors';
import type { Contact, ContactInput } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { Section } from '../../components/Section';

interface ContactValues {
  name: string;
  jobTitle: string;
  email: string;
  phone: string;
  preferredLocale: 'fr' | 'en';
  isPrimary: boolean;
}

const EMPTY_CONTACT: ContactValues = { name: '', jobTitle: '', email: '', phone: '', preferredLocale: 'fr', isPrimary: false };
const CONTACT_FIELDS = ['name', 'jobTitle', 'email', 'phone', 'preferredLocale', 'isPrimary'];

function valuesOf(contact: Contact): ContactValues {
  return {
    name: contact.name,
    jobTitle: contact.jobTitle ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    preferredLocale: contact.preferredLocale,
    isPrimary: contact.isPrimary,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function bodyOf(values: ContactValues): ContactInput {
  return {
    name: values.name.trim(),
    jobTitle: orNull(values.jobTitle),
    email: orNull(values.email),
    phone: orNull(values.phone),
    preferredLocale: values.preferredLocale,
    isPrimary: values.isPrimary,
  };
}

interface ContactFormProps {
  readonly initial: ContactValues;
  readonly pending: boolean;
  readonly error: Error | null;
  readonly onSubmit: (body: ContactInput) => void;
  readonly onCancel: () => void;
}

function ContactForm({ initial, pending, error, onSubmit, onCancel }: ContactFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const apiError = isApiError(error) ? error : null;
  const set = <K extends keyof ContactValues>(key: K, value: ContactValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(bodyOf(values));
  };
  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="sm">
        <FormErrors error={error} fields={CONTACT_FIELDS} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('debtor.contact.name')}
            required
            maxLength={200}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={apiError?.issueFor('name')}
            data-testid="contact-name"
          />
          <TextInput
            label={t('debtor.contact.jobTitle')}
            maxLength={100}
            value={values.jobTitle}
            onChange={(event) => set('jobTitle', event.currentTarget.value)}
            error={apiError?.issueFor('jobTitle')}
          />
          <TextInput
            label={t('debtor.contact.email')}
            type="email"
            maxLength={254}
            value={values.email}
            onChange={(event) => set('email', event.currentTarget.value)}
            error={apiError?.issueFor('email')}
            data-testid="contact-email"
          />
          <TextInput
            label={t('debtor.contact.phone')}
            type="tel"
            maxLength={40}
            value={values.phone}
            onChange={(event) => set('phone', event.currentTarget.value)}
            error={apiError?.issueFor('phone')}
          />
          <NativeSelect
            label={t('debtor.contact.preferredLocale')}
            value={values.preferredLocale}
            onChange={(event) => set('preferredLocale', event.currentTarget.value === 'en' ? 'en' : 'fr')}
            data={[
              { value: 'fr', label: t('debtor.locales.fr') },
              { value: 'en', label: t('debtor.locales.en') },
            ]}
          />
          <Group align="flex-end" pb={6}>
            <Checkbox
              label={t('debtor.contact.isPrimary')}
              checked={values.isPrimary}
              onChange={(event) => set('isPrimary', event.currentTarget.checked)}
            />
          </Group>
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" loading={pending} disabled={!values.name.trim()} data-testid="contact-save">
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditContactModal({
  debtorId,
  contact,
  onClose,
}: {
  readonly debtorId: string;
  readonly contact: Contact;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const patch = usePatchContact(debtorId);
  return (
    <Modal opened onClose={onClose} title={t('debtor.editContact')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <ContactForm
        initial={valuesOf(contact)}
        pending={patch.isPending}
        error={patch.error}
        onSubmit={(body) => patch.mutate({ contactId: contact.id, body }, { onSuccess: onClose })}
        onCancel={onClose}
      />
    </Modal>
  );
}

export function ContactsSection({
  debtorId,
  contacts,
  canEdit,
}: {
  readonly debtorId: string;
  readonly contacts: readonly Contact[];
  readonly canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Contact | null>(null);
  const add = useAddContact(debtorId);

  return (
    <Section
      title={t('debtor.contacts')}
      testId="debtor-contacts"
      actions={
        canEdit && !adding ? (
          <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="contact-add">
            {t('debtor.addContact')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {contacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('debtor.contactsEmpty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="contact-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('debtor.contact.name')}</Table.Th>
                  <Table.Th>{t('debtor.contact.jobTitle')}</Table.Th>
                  <Table.Th>{t('debtor.contact.email')}</Table.Th>
                  <Table.Th>{t('debtor.contact.phone')}</Table.Th>
                  {canEdit ? (
                    <Table.Th>
                      <VisuallyHidden>{t('common.edit')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {contacts.map((contact) => (
                  <Table.Tr key={contact.id} data-testid="contact-row">
                    <Table.Td>
                      <Group gap={6}>
                        {contact.name}
                        {contact.isPrimary ? (
                          <Badge size="xs" variant="light">
                            {t('debtor.contact.primary')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>{contact.jobTitle ?? '—'}</Table.Td>
                    <Table.Td>{contact.email ? <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor> : '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {contact.phone ? <Anchor href={`tel:${contact.phone}`}>{contact.phone}</Anchor> : '—'}
                    </Table.Td>
                    {canEdit ? (
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(contact)}>
                          {t('common.edit')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {adding ? (
          <ContactForm
            initial={EMPTY_CONTACT}
            pending={add.isPending}
            error={add.error}
            onSubmit={(body) =>
              add.mutate(body, {
                onSuccess: () => {
                  setAdding(false);
                  add.reset();
                },
              })
            }
            onCancel={() => {
              setAdding(false);
              add.reset();
            }}
          />
        ) : null}
      </Stack>
      {editing ? <EditContactModal debtorId={debtorId} contact={editing} onClose={() => setEditing(null)} /> : null}
    </Section>
  );
}
