import type { Channel } from '../../api/types';

export const CHANNELS: readonly Channel[] = ['email', 'letter', 'registered-letter', 'sms', 'call', 'task'];

/** A glyph per channel, shown beside its label (the app ships no icon font). */
export const CHANNEL_ICONS: Record<Channel, string> = {
  email: '✉️',
  letter: '📄',
  'registered-letter': '📮',
  sms: '💬',
  call: '📞',
  task: '✅',
};

export const CHANNEL_COLORS: Record<Channel, string> = {
  email: 'blue',
  letter: 'grape',
  'registered-letter': 'red',
  sms: 'teal',
  call: 'orange',
  task: 'gray',
};

/** A step's day relative to the due date: "J-5", "J0", "J+3" ("D…" in English). */
export function offsetLabel(prefix: string, days: number): string {
  if (days === 0) return `${prefix}0`;
  return `${prefix}${days > 0 ? '+' : '-'}${Math.abs(days)}`;
}
