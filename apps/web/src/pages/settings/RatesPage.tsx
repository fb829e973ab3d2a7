import { Alert, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRates } from '../../api/legal';
import type { RateRow } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useSession } from '../../components/Session';
import { canManageRates } from '../../lib/permissions';
import { useUiLanguage } from '../../lib/use-format';
import { RateForm } from './RateForm';
import { RatesTable } from './RatesTable';
import { EMPTY_RATE_FORM, rateFormOf } from './rate-form';

/** The legal rates table: everyone reads it, the owner adds or corrects a half-year. */
export function RatesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const language = useUiLanguage();
  const rates = useRates();
  const canManage = canManageRates(me.role);
  // A new key remounts the form: with a row's values ("Corriger") or empty after a save.
  const [form, setForm] = useState({ key: 0, values: EMPTY_RATE_FORM });
  const formRef = useRef<HTMLDivElement>(null);

  const correct = (row: RateRow) => {
    setForm((current) => ({ key: current.key + 1, values: rateFormOf(row, language) }));
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('rates.title')}
        </Title>
        {rates.data ? (
          <Text size="sm" c="dimmed" data-testid="rates-version">
            {t('rates.intro', { version: rates.data.version })}
          </Text>
        ) : null}
      </div>
      <Alert color="blue" data-testid="rates-missing-half-year">
        {t('rates.missingHalfYear')}
      </Alert>
      {canManage ? (
        <div ref={formRef}>
          <Section title={t('rates.form.title')} testId="rate-form-section">
            <RateForm
              key={form.key}
              initial={form.values}
              onReset={() => setForm((current) => ({ key: current.key + 1, values: EMPTY_RATE_FORM }))}
            />
          </Section>
        </div>
      ) : (
        <Text size="sm" c="dimmed" data-testid="rates-read-only">
          {t('rates.readOnly')}
        </Text>
      )}
      {rates.isPending ? <Loading /> : null}
      {rates.isError ? <ErrorAlert error={rates.error} onRetry={() => void rates.refetch()} /> : null}
      {rates.data ? <RatesTable rows={rates.data.rows} onCorrect={canManage ? correct : undefined} /> : null}
    </Stack>
  );
}
