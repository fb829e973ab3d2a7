export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Picks fr or en from an Accept-Language header or a LANG variable ("en_GB.UTF-8"); French by default. */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.split('=')[1]) : 1, index };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) if (isLocale(entry.lang)) return entry.lang;
  return DEFAULT_LOCALE;
}

export function interpolate(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  const values = params ?? {};
  // A placeholder without its value is left out with its quotes rather than shown as "{value}" to the user.
  return template
    .replace(/ ?(?:« \{(\w+)\} »|"\{(\w+)\}")/g, (whole, fr?: string, en?: string) => {
      const name = (fr ?? en) as string;
      return name in values ? whole.replace(`{${name}}`, String(values[name])) : '';
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
