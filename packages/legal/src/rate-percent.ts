/** Rates cross the edges as percent strings with two decimals ("13.15"); inside, basis points (1315). No float. */
const PERCENT_RE = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

export function parseRatePercent(text: string): number | null {
  const match = PERCENT_RE.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function formatRatePercent(bp: number): string {
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}
