import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../api/types';

export const CASE_STATES: readonly CaseState[] = [
  'open',
  'in-progress',
  'promise-to-pay',
  'payment-plan',
  'disputed',
  'formal-notice-sent',
  'ready-for-litigation',
  'closed',
];

const COLORS: Record<CaseState, string> = {
  open: 'blue',
  'in-progress': 'indigo',
  'promise-to-pay': 'teal',
  'payment-plan': 'cyan',
  disputed: 'orange',
  'formal-notice-sent': 'red',
  'ready-for-litigation': 'red.9',
  closed: 'gray',
};

export function CaseStateBadge({ state }: { readonly state: CaseState }) {
  const { t } = useTranslation();
  return (
    // A state cut to « E… » says nothing: the badge keeps its whole word and the table scrolls instead.
    <Badge color={COLORS[state]} variant="light" miw="max-content" data-testid="case-state" data-state={state}>
      {t(`recovery.caseStates.${state}`)}
    </Badge>
  );
}
