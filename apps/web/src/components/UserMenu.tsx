import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useLogout, useSwitchTenant } from '../api/auth';
import { useSession } from './Session';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const logout = useLogout();
  const switchTenant = useSwitchTenant();
  const [, navigate] = useLocation();
  const otherTenants = me.memberships.filter((membership) => membership.tenantId !== me.tenant.id);

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="sm" data-testid="user-menu" aria-label={`${t('header.userMenu')} — ${me.user.displayName}`}>
          {me.user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={500} c="var(--mantine-color-text)">
            {me.user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {me.tenant.name} · {t(`roles.${me.role}`)}
          </Text>
        </Menu.Label>
        {otherTenants.length > 0 ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t('header.switchTenant')}</Menu.Label>
            {otherTenants.map((membership) => (
              <Menu.Item
                key={membership.tenantId}
                data-testid="switch-tenant"
                onClick={() =>
                  switchTenant.mutate(
                    { tenantId: membership.tenantId },
                    {
                      onSuccess: () => navigate('/'),
                    },
                  )
                }
              >
                {membership.tenantName} · {t(`roles.${membership.role}`)}
              </Menu.Item>
            ))}
          </>
        ) : null}
        <Menu.Divider />
        <Menu.Item
          color="red"
          data-testid="logout"
          onClick={() =>
            logout.mutate(undefined, {
              onSettled: () => navigate('/login'),
            })
          }
        >
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
