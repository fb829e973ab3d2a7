import { Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LateFeesForm } from './LateFeesForm';
import { PrescriptionForm } from './PrescriptionForm';
import { SmallClaimsForm } from './SmallClaimsForm';

/** The legal engine's calculators: nothing is saved, every figure comes from the API. */
export function CalculatorPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('calculator.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('calculator.intro')}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        {/* Panels stay mounted: switching tabs keeps what was typed. */}
        <Tabs defaultValue="late-fees" keepMounted>
          <Tabs.List mb="md">
            <Tabs.Tab value="late-fees" data-testid="calculator-tab-late-fees">
              {t('calculator.tabs.lateFees')}
            </Tabs.Tab>
            <Tabs.Tab value="prescription" data-testid="calculator-tab-prescription">
              {t('calculator.tabs.prescription')}
            </Tabs.Tab>
            <Tabs.Tab value="small-claims" data-testid="calculator-tab-small-claims">
              {t('calculator.tabs.smallClaims')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="late-fees">
            <LateFeesForm />
          </Tabs.Panel>
          <Tabs.Panel value="prescription">
            <PrescriptionForm />
          </Tabs.Panel>
          <Tabs.Panel value="small-claims">
            <SmallClaimsForm />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
