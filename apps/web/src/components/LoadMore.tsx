import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  readonly hasNextPage: boolean;
  readonly isFetchingNextPage: boolean;
  readonly fetchNextPage: () => unknown;
  readonly testId?: string;
}

/** "Charger plus": fetches the next cursor page; hidden on the last page. */
export function LoadMore({ hasNextPage, isFetchingNextPage, fetchNextPage, testId }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!hasNextPage) return null;
  return (
    <Center pt="sm">
      <Button variant="default" onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid={testId}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}
