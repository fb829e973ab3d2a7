import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormErrors } from '../../components/FormErrors';
import { isConflict } from './issues';

interface CommandErrorProps {
  readonly error: Error | null;
  /** Fields whose issues sit next to their input. */
  readonly fields?: readonly string[];
  /** What a 409 means here; by default "already handled, the list was refreshed". */
  readonly conflict?: string;
}

/** A refused recovery command: a 409 explained in words, anything else as the other forms show it. */
export function CommandError({ error, fields = [], conflict }: CommandErrorProps) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isConflict(error)) {
    return (
      <Alert color="orange" role="alert" data-testid="conflict-error">
        {conflict ?? t('recovery.conflict')}
      </Alert>
    );
  }
  return <FormErrors error={error} fields={fields} />;
}
