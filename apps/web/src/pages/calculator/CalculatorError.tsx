import { Stack } from '@mantine/core';
import { FormErrors } from '../../components/FormErrors';
import { RateMissingLink } from '../../components/RateMissingLink';

interface CalculatorErrorProps {
  readonly error: Error | null;
  /** Issue fields already shown next to an input. */
  readonly fields: readonly string[];
}

/** The server's refusal; a missing half-year of rates comes with the way to the rates table. */
export function CalculatorError({ error, fields }: CalculatorErrorProps) {
  if (!error) return null;
  return (
    <Stack gap={4}>
      <FormErrors error={error} fields={fields} />
      <RateMissingLink error={error} testId="calculator-open-rates" />
    </Stack>
  );
}
