import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LetterTypeId } from '../../api/types';
import { PRODUCIBLE_TYPES } from '../letters/letter-lists';

interface ProduceLetterMenuProps {
  readonly onProduce: (type: LetterTypeId) => void;
  readonly busy: boolean;
  /** The tenant has an agency identity: the agency letter can be written. */
  readonly agency: boolean;
}

/** « Produire une lettre »: the letter types a case can be written with, made now with its creditor's text. */
export function ProduceLetterMenu({ onProduce, busy, agency }: ProduceLetterMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" loading={busy} data-testid="produce-letter">
          {t('letters.documents.produce')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {PRODUCIBLE_TYPES.filter((type) => agency || type !== 'agency-letter').map((type) => (
          <Menu.Item key={type} onClick={() => onProduce(type)} data-testid={`produce-letter-${type}`}>
            {t(`letters.types.${type}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
