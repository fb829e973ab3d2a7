import { Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading({ fullPage = false }: { readonly fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" h={fullPage ? '100vh' : undefined}>
      <Group gap="sm" role="status" aria-live="polite">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      </Group>
    </Center>
  );
}
