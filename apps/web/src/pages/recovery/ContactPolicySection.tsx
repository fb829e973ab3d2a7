import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useContactPolicy } from '../../api/recovery-settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { ContactPolicyForm } from './ContactPolicyForm';

/** The rules of contact every action obeys: how often, how close together, which days and hours (Paris). */
export function ContactPolicySection({ readOnly }: { readonly readOnly: boolean }) {
  const { t } = useTranslation();
  const policy = useContactPolicy();
  return (
    <Section title={t('recovery.contactPolicy.title')} testId="contact-policy">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('recovery.contactPolicy.intro')}
        </Text>
        {policy.isPending ? <Loading /> : null}
        {policy.isError ? <ErrorAlert error={policy.error} onRetry={() => void policy.refetch()} /> : null}
        {policy.data ? <ContactPolicyForm initial={policy.data} readOnly={readOnly} /> : null}
      </Stack>
    </Section>
  );
}
