import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

interface FormErrorsProps {
  readonly error: Error | null;
  /** Fields shown next to an input: their issues are not repeated here. */
  readonly fields: readonly string[];
}

/** The error message of a failed save, plus the issues that have no input of their own. */
export function FormErrors({ error, fields }: FormErrorsProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const others = isApiError(error) ? error.otherIssues(fields) : [];
  return (
    <Alert color="red" role="alert" data-testid="form-error">
      {error.message}
      {others.length > 0 ? (
        <List size="sm" mt="xs">
          {others.map((issue) => (
            <List.Item key={`${issue.field}-${issue.code}`}>{t('common.issue', { field: issue.field, message: issue.message })}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
