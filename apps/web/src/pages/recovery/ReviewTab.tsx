import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDispatches } from '../../api/recovery-cases';
import { useSession } from '../../components/Session';
import { canManageRecovery } from '../../lib/permissions';
import { DispatchHeader } from './DispatchHeader';
import { DispatchList } from './DispatchList';
import { ReviewActions } from './ReviewActions';

/** Uncertain or failed actions with the provider's last error: was it sent, send it again, or cancel it. */
export function ReviewTab() {
  const { t } = useTranslation();
  const me = useSession();
  const review = useDispatches('review');
  const canManage = canManageRecovery(me.role);
  return (
    <DispatchList
      query={review}
      empty={t('recovery.review.empty')}
      notice={canManage ? t('recovery.review.intro') : t('recovery.review.readOnly')}
      testId="review"
    >
      {(dispatch) => (
        <Stack gap="sm">
          <DispatchHeader dispatch={dispatch} />
          <Alert color="red" variant="light" p="xs">
            <Group gap="lg">
              <Text size="sm" data-testid="review-last-error">
                {t('recovery.dispatch.lastError', { error: dispatch.lastError ?? '—' })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('recovery.dispatch.attempts', { count: dispatch.attempts })}
              </Text>
            </Group>
          </Alert>
          {canManage ? <ReviewActions dispatchId={dispatch.id} /> : null}
        </Stack>
      )}
    </DispatchList>
  );
}
