import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLinkProps } from '../lib/links';

export function NotFoundPage() {
  const { t } = useTranslation();
  const linkProps = useLinkProps();
  return (
    <Stack gap="sm" data-testid="not-found">
      <Title order={1} size="h2">
        404
      </Title>
      <Text>{t('common.notFound')}</Text>
      <Anchor {...linkProps('/')}>{t('common.backHome')}</Anchor>
    </Stack>
  );
}
