import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toUiLanguage } from '../i18n';
import { type UiLanguage, formatAmount, formatAmounts, formatCents, formatDate, formatDateTime, parseAmountInput } from './format';

export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return toUiLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** The display helpers bound to the current UI language. */
export function useFormat() {
  const language = useUiLanguage();
  return useMemo(
    () => ({
      language,
      amount: (amount: string, currency: string) => formatAmount(language, amount, currency),
      amounts: (amounts: readonly { amount: string; currency: string }[]) => formatAmounts(language, amounts),
      cents: (cents: number, currency: string) => formatCents(language, cents, currency),
      date: (date: string | null | undefined) => formatDate(language, date),
      dateTime: (instant: string | null | undefined) => formatDateTime(language, instant),
      parseAmount: (text: string) => parseAmountInput(language, text),
    }),
    [language],
  );
}
