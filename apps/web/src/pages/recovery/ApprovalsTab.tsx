import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDispatches } from '../../api/recovery-cases';
import { useSession } from '../../components/Session';
import { canManageRecovery } from '../../lib/permissions';
import { ApprovalActions } from './ApprovalActions';
import { DispatchHeader } from './DispatchHeader';
import { DispatchList } from './DispatchList';

/** Actions held for a manager (formal notices…): approve or reject; read-only for other roles. */
export function ApprovalsTab() {
  const { t } = useTranslation();
  const me = useSession();
  const approvals = useDispatches('approvals');
  const canManage = canManageRecovery(me.role);
  return (
    <DispatchList
      query={approvals}
      empty={t('recovery.approvals.empty')}
      notice={canManage ? undefined : t('recovery.approvals.readOnly')}
      testId="approvals"
    >
      {(dispatch) => (
        <Stack gap="sm">
          <DispatchHeader dispatch={dispatch} />
          {canManage ? <ApprovalActions dispatchId={dispatch.id} /> : null}
        </Stack>
      )}
    </DispatchList>
  );
}
