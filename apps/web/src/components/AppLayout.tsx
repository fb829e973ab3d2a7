import { AppShell, Badge, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useLinkProps } from '../lib/links';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './Session';
import { UserMenu } from './UserMenu';

const NAV_ITEMS = [
  { href: '/', key: 'dashboard', exact: true },
  { href: '/invoices', key: 'invoices', exact: false },
  { href: '/debtors', key: 'debtors', exact: false },
  // "/recovery" is exact: its sub-paths have entries of their own.
  { href: '/recovery', key: 'recovery', exact: true },
  { href: '/recovery/cases', key: 'cases', exact: false },
  { href: '/recovery/scenarios', key: 'scenarios', exact: false },
  { href: '/recovery/campaigns', key: 'campaigns', exact: false },
  { href: '/recovery/letters', key: 'lettersToSend', exact: false },
  { href: '/import', key: 'import', exact: false },
  { href: '/calculator', key: 'calculator', exact: false },
  { href: '/settings/rates', key: 'rates', exact: false },
  { href: '/settings/letters', key: 'letterTemplates', exact: false },
  { href: '/settings/creditors', key: 'creditors', exact: false },
  { href: '/settings/agency', key: 'agency', exact: false },
] as const;

export function AppLayout({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const [location] = useLocation();
  const linkProps = useLinkProps();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Title order={4} c="blue.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="sm" data-testid="tenant-name">
              {me.tenant.name}
            </Text>
            {me.role === 'viewer' ? (
              <Badge variant="outline" color="gray" size="sm" visibleFrom="sm">
                {t('roles.viewer')}
              </Badge>
            ) : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {NAV_ITEMS.map((item) => {
          const active = item.exact ? location === item.href : location === item.href || location.startsWith(`${item.href}/`);
          const props = linkProps(item.href);
          return (
            <NavLink
              key={item.key}
              {...props}
              onClick={(event) => {
                props.onClick(event);
                close();
              }}
              label={t(`nav.${item.key}`)}
              active={active}
              aria-current={active ? 'page' : undefined}
              data-testid={`nav-${item.key}`}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
