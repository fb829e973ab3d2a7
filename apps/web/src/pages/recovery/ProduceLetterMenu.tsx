import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LetterTypeId } from '../../api/types';
import { PRODUCIBLE_TYPES } from '../letters/letter-lists';

interface ProduceLetterMenuProps {
  readonly onProduce: (type: LetterTypeId) => void;
  readonly busy: boolean;
}

/** « Produire une lettre »: one of the letter types a case holds the facts for, made now with its creditor's text. */
export function ProduceLetterMenu({ onProduce, busy }: ProduceLetterMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" loading={busy} data-testid="produce-letter">
          {t('letters.documents.produce')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {PRODUCIBLE_TYPES.map((type) => (
          <Menu.Item key={type} onClick={() => onProduce(type)} data-testid={`produce-letter-${type}`}>
            {t(`letters.types.${type}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
