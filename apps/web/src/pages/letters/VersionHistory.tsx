import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterTemplateVersion } from '../../api/types';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/use-format';
import { TEMPLATE_FIELDS } from './letter-lists';

interface VersionHistoryProps {
  /** Saved versions of this text, newest first. */
  readonly versions: readonly LetterTemplateVersion[];
  readonly currentLabel: string;
  readonly canRestore: boolean;
  /** Saves the version's text as a new version. */
  readonly onRestore: (version: LetterTemplateVersion) => void;
}

/** Every saved version with its author and date; one can be read, and restored as a new version. */
export function VersionHistory({ versions, currentLabel, canRestore, onRestore }: VersionHistoryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [viewed, setViewed] = useState<LetterTemplateVersion | null>(null);

  return (
    <Section title={t('letters.history.title')} testId="letter-history">
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('letters.history.empty')}
        </Text>
      ) : (
        <Table striped>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.id ?? version.label} data-testid="letter-version" data-version={version.version}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {t('letters.history.version', { version: version.version })}
                    </Text>
                    {version.label === currentLabel ? (
                      <Badge size="sm" variant="light" color="green">
                        {t('letters.history.current')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t('letters.history.by', { author: version.createdBy ?? '—', date: format.dateTime(version.createdAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="default" onClick={() => setViewed(version)} data-testid="letter-version-view">
                      {t('letters.history.view')}
                    </Button>
                    {canRestore && version.label !== currentLabel ? (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => onRestore(version)}
                        title={t('letters.history.restoreHint')}
                        data-testid="letter-version-restore"
                      >
                        {t('letters.history.restore')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={viewed !== null}
        onClose={() => setViewed(null)}
        title={viewed ? t('letters.history.version', { version: viewed.version }) : ''}
        size="lg"
      >
        {viewed ? (
          <Stack gap="sm" data-testid="letter-version-text">
            {TEMPLATE_FIELDS.map((field) => (
              <div key={field}>
                <Text size="xs" c="dimmed">
                  {t(`letters.fields.${field}`)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)' }}>
                  {viewed.fields[field] || '—'}
                </Text>
              </div>
            ))}
          </Stack>
        ) : null}
      </Modal>
    </Section>
  );
}
