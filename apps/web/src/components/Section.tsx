import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  readonly title: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly testId?: string;
}

/** A titled block of a page; the title is a real heading for screen readers. */
export function Section({ title, actions, children, testId }: SectionProps) {
  return (
    <Paper withBorder p="md" radius="md" component="section" data-testid={testId}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
