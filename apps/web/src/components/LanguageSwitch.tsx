import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { persistLanguage } from '../i18n';
import { useUiLanguage } from '../lib/use-format';

/** FR/EN toggle. The choice is kept in localStorage; server texts (activity, errors) are fetched again in the new language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useUiLanguage();
  const client = useQueryClient();
  const next = language === 'fr' ? 'en' : 'fr';
  return (
    <Button
      variant="default"
      size="xs"
      data-testid="lang-switch"
      data-language={language}
      lang={next}
      aria-label={t('header.switchLanguageLabel')}
      title={t('header.switchLanguageLabel')}
      onClick={() => {
        persistLanguage(next);
        void i18n.changeLanguage(next).then(() => client.invalidateQueries());
      }}
    >
      {t('header.switchLanguage')}
    </Button>
  );
}
