import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCreditors } from '../api/creditors';

interface CreditorSelectProps {
  readonly value: string | null;
  readonly onChange: (creditorId: string | null) => void;
  readonly label: string;
  /** Text of the empty choice ("Tous les créanciers", "Choisir le créancier"). */
  readonly emptyLabel: string;
  readonly error?: string | undefined;
  readonly description?: string | undefined;
  readonly testId?: string;
  /** Hide the select when the tenant has a single creditor. */
  readonly hideWhenSingle?: boolean;
  readonly disabled?: boolean;
}

/** The tenant's creditors from GET /api/creditors. */
export function CreditorSelect({
  value,
  onChange,
  label,
  emptyLabel,
  error,
  description,
  testId,
  hideWhenSingle,
  disabled,
}: CreditorSelectProps) {
  const { t } = useTranslation();
  const creditors = useCreditors();
  const items = creditors.data?.items ?? [];
  if (hideWhenSingle && creditors.isSuccess && items.length <= 1) return null;
  return (
    <NativeSelect
      label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || null)}
      data={[
        { value: '', label: creditors.isPending ? t('common.loading') : emptyLabel },
        ...items.map((creditor) => ({ value: creditor.id, label: creditor.tradeName ?? creditor.legalName })),
      ]}
      error={error ?? (creditors.isError ? creditors.error.message : undefined)}
      description={description}
      data-testid={testId}
      disabled={disabled}
    />
  );
}
