import { Button, NativeSelect, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeCaseState } from '../../api/recovery-cases';
import type { CaseState, CaseTransitionInput, ClosedReason } from '../../api/types';
import { CASE_STATES } from './CaseStateBadge';
import { CommandError } from './CommandError';
import { issuesByField } from './issues';

const CLOSED_REASONS: readonly ClosedReason[] = ['paid', 'written-off', 'transferred'];

interface TransitionFormProps {
  readonly caseId: string;
  readonly current: CaseState;
}

/** A manager moves a case to another state, saying why; closing also says how it ended. */
export function TransitionForm({ caseId, current }: TransitionFormProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<CaseState | ''>('');
  const [reason, setReason] = useState('');
  const [closedReason, setClosedReason] = useState<ClosedReason | ''>('');
  const [problems, setProblems] = useState<{ state?: boolean; reason?: boolean; closedReason?: boolean }>({});
  const change = useChangeCaseState(caseId);
  const issues = issuesByField(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { state: state === '', reason: !reason.trim(), closedReason: state === 'closed' && closedReason === '' };
    setProblems(found);
    if (state === '' || found.reason || found.closedReason) return change.reset();
    const body: CaseTransitionInput = { state, reason: reason.trim() };
    if (state === 'closed' && closedReason !== '') body.closedReason = closedReason;
    change.mutate(body, {
      onSuccess: () => {
        setState('');
        setReason('');
        setClosedReason('');
        notifications.show({ color: 'green', message: t('recovery.case.transitionForm.saved') });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="transition-form">
      <Stack gap="xs">
        <CommandError
          error={change.error}
          fields={['state', 'reason', 'closedReason']}
          conflict={t('recovery.case.transitionForm.conflict')}
        />
        <NativeSelect
          label={t('recovery.case.transitionForm.state')}
          value={state}
          onChange={(event) => setState(event.currentTarget.value as CaseState | '')}
          data={[
            { value: '', label: '—' },
            ...CASE_STATES.filter((value) => value !== current).map((value) => ({ value, label: t(`recovery.caseStates.${value}`) })),
          ]}
          error={problems.state ? t('recovery.required') : issues.get('state')}
          required
          data-testid="transition-state"
        />
        {state === 'closed' ? (
          <NativeSelect
            label={t('recovery.case.transitionForm.closedReason')}
            value={closedReason}
            onChange={(event) => setClosedReason(event.currentTarget.value as ClosedReason | '')}
            data={[{ value: '', label: '—' }, ...CLOSED_REASONS.map((value) => ({ value, label: t(`recovery.closedReasons.${value}`) }))]}
            error={problems.closedReason ? t('recovery.required') : issues.get('closedReason')}
            required
            data-testid="transition-closed-reason"
          />
        ) : null}
        <Textarea
          label={t('recovery.case.transitionForm.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={problems.reason ? t('recovery.required') : issues.get('reason')}
          autosize
          minRows={2}
          maxLength={2000}
          required
          data-testid="transition-reason"
        />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }} data-testid="transition-submit">
          {t('recovery.case.transitionForm.submit')}
        </Button>
      </Stack>
    </form>
  );
}
