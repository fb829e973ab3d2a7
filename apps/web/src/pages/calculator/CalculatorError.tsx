import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { FormErrors } from '../../components/FormErrors';
import { useLinkProps } from '../../lib/links';

interface CalculatorErrorProps {
  readonly error: Error | null;
  /** Issue fields already shown next to an input. */
  readonly fields: readonly string[];
}

/** The server's refusal; a missing half-year of rates comes with the way to the rates table. */
export function CalculatorError({ error, fields }: CalculatorErrorProps) {
  const { t } = useTranslation();
  const linkProps = useLinkProps();
  if (!error) return null;
  return (
    <Stack gap={4}>
      <FormErrors error={error} fields={fields} />
      {isApiError(error) && error.code === 'RATE_MISSING' ? (
        <Anchor {...linkProps('/settings/rates')} size="sm" data-testid="calculator-open-rates">
          {t('calculator.openRates')}
        </Anchor>
      ) : null}
    </Stack>
  );
}
