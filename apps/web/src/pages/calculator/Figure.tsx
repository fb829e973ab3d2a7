import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface FigureProps {
  readonly label: string;
  readonly children: ReactNode;
  readonly testId?: string;
  readonly strong?: boolean;
}

/** One labelled value of a result. */
export function Figure({ label, children, testId, strong = false }: FigureProps) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 600 : undefined} component="div" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
