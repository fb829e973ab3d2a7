import { Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { ApprovalsTab } from './ApprovalsTab';
import { PreviewTab } from './PreviewTab';
import { ReviewTab } from './ReviewTab';
import { WorklistTab } from './WorklistTab';

const TABS = ['worklist', 'approvals', 'review', 'preview'] as const;
type RecoveryTab = (typeof TABS)[number];

const isTab = (value: string | null): value is RecoveryTab => (TABS as readonly (string | null)[]).includes(value);

/** "Relances": today's worklist, approvals, review queue and the coming actions; the tab lives in the URL (?tab=). */
export function RecoveryPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const requested = new URLSearchParams(search).get('tab');
  const tab: RecoveryTab = isTab(requested) ? requested : 'worklist';

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('recovery.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('recovery.intro')}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Tabs
          value={tab}
          keepMounted={false}
          onChange={(value) => navigate(value && value !== 'worklist' ? `/recovery?tab=${value}` : '/recovery', { replace: true })}
        >
          <Tabs.List mb="md">
            {TABS.map((value) => (
              <Tabs.Tab key={value} value={value} data-testid={`recovery-tab-${value}`}>
                {t(`recovery.tabs.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {/* Only the active panel is mounted: a tab's list is read when it is opened. */}
          <Tabs.Panel value="worklist">
            <WorklistTab />
          </Tabs.Panel>
          <Tabs.Panel value="approvals">
            <ApprovalsTab />
          </Tabs.Panel>
          <Tabs.Panel value="review">
            <ReviewTab />
          </Tabs.Panel>
          <Tabs.Panel value="preview">
            <PreviewTab />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
