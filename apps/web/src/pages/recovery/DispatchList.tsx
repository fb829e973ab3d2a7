import { Alert, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DispatchDto } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';

interface DispatchListProps {
  readonly query: {
    readonly isPending: boolean;
    readonly isError: boolean;
    readonly error: Error | null;
    readonly data: DispatchDto[] | undefined;
    readonly refetch: () => unknown;
  };
  readonly empty: string;
  /** A line above the cards (what the list is for, or why it is read-only). */
  readonly notice?: ReactNode;
  /** Controls narrowing the list, shown above it even while it is empty or loading. */
  readonly filter?: ReactNode;
  readonly testId: string;
  readonly children: (dispatch: DispatchDto, index: number) => ReactNode;
}

/** Loading, error, empty state and one bordered card per action: the frame of the three action tabs. */
export function DispatchList({ query, empty, notice, filter, testId, children }: DispatchListProps) {
  if (query.isPending)
    return filter ? (
      <Stack gap="md">
        {filter}
        <Loading />
      </Stack>
    ) : (
      <Loading />
    );
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data ?? [];
  return (
    <Stack gap="md" data-testid={testId}>
      {filter}
      {notice ? (
        <Alert color="gray" variant="light">
          {notice}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Text c="dimmed" ta="center" py="md" data-testid={`${testId}-empty`}>
          {empty}
        </Text>
      ) : null}
      {items.map((dispatch, index) => (
        <Paper key={dispatch.id} withBorder p="md" radius="md" data-testid={`${testId}-item`} data-dispatch-id={dispatch.id}>
          {children(dispatch, index)}
        </Paper>
      ))}
    </Stack>
  );
}
