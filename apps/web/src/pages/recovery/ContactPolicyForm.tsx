import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveContactPolicy } from '../../api/recovery-settings';
import type { ContactPolicyDto } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { issuesByField } from './issues';

type Day = ContactPolicyDto['noContactOn'][number];
const DAYS: readonly Day[] = ['saturday', 'sunday', 'holiday'];
const FIELDS = ['maxContactsPerWeek', 'minDaysBetweenContacts', 'noContactOn', 'windowStart', 'windowEnd'];

/** The rules of contact as a form (PUT /recovery/contact-policy). */
export function ContactPolicyForm({ initial, readOnly }: { readonly initial: ContactPolicyDto; readonly readOnly: boolean }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    maxContactsPerWeek: String(initial.maxContactsPerWeek),
    minDaysBetweenContacts: String(initial.minDaysBetweenContacts),
    noContactOn: [...initial.noContactOn] as Day[],
    windowStart: initial.windowStart,
    windowEnd: initial.windowEnd,
    automatic: initial.automatic === true,
  });
  const [invalid, setInvalid] = useState<{ maxContactsPerWeek?: boolean; minDaysBetweenContacts?: boolean }>({});
  const save = useSaveContactPolicy();
  const issues = issuesByField(save.error);
  const number = (field: 'maxContactsPerWeek' | 'minDaysBetweenContacts') => ({
    label: t(`recovery.contactPolicy.${field}`),
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
    },
    error: invalid[field] ? t('recovery.contactPolicy.invalidNumber') : issues.get(field),
    inputMode: 'numeric' as const,
    required: true,
    'data-testid': `contact-policy-${field}`,
  });
  const time = (field: 'windowStart' | 'windowEnd') => ({
    type: 'time',
    label: t(`recovery.contactPolicy.${field}`),
    value: values[field],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
    },
    error: issues.get(field),
    required: true,
    'data-testid': `contact-policy-${field}`,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      maxContactsPerWeek: !/^\d{1,3}$/.test(values.maxContactsPerWeek.trim()),
      minDaysBetweenContacts: !/^\d{1,3}$/.test(values.minDaysBetweenContacts.trim()),
    };
    setInvalid(found);
    if (found.maxContactsPerWeek || found.minDaysBetweenContacts) return save.reset();
    save.mutate(
      {
        maxContactsPerWeek: Number(values.maxContactsPerWeek),
        minDaysBetweenContacts: Number(values.minDaysBetweenContacts),
        noContactOn: DAYS.filter((day) => values.noContactOn.includes(day)),
        // <input type="time"> may give seconds ("08:30:00"); the API wants HH:MM.
        windowStart: values.windowStart.slice(0, 5),
        windowEnd: values.windowEnd.slice(0, 5),
        automatic: values.automatic,
      },
      { onSuccess: () => notifications.show({ color: 'green', message: t('recovery.contactPolicy.saved') }) },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="contact-policy-form">
      <Stack gap="sm">
        <FormErrors error={save.error} fields={FIELDS} />
        <Fieldset disabled={readOnly} variant="unstyled">
          <Stack gap="sm">
            <Switch
              label={t('recovery.contactPolicy.automatic')}
              description={t('recovery.contactPolicy.automaticHelp')}
              checked={values.automatic}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setValues((current) => ({ ...current, automatic: checked }));
              }}
              data-testid="contact-policy-automatic"
            />
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
              <TextInput {...number('maxContactsPerWeek')} />
              <TextInput {...number('minDaysBetweenContacts')} />
              <TextInput {...time('windowStart')} />
              <TextInput {...time('windowEnd')} />
            </SimpleGrid>
            <Checkbox.Group
              label={t('recovery.contactPolicy.noContactOn')}
              value={values.noContactOn}
              onChange={(days) => setValues((current) => ({ ...current, noContactOn: days as Day[] }))}
              error={issues.get('noContactOn')}
            >
              <Group gap="md" mt={4}>
                {DAYS.map((day) => (
                  <Checkbox
                    key={day}
                    value={day}
                    label={t(`recovery.contactPolicy.days.${day}`)}
                    data-testid={`contact-policy-day-${day}`}
                  />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </Fieldset>
        {readOnly ? null : (
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }} data-testid="contact-policy-save">
            {t('recovery.contactPolicy.save')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
