import type { FieldIssue } from '@amiable/domain';

/** ASVS 6.2.1 asks for at least 8 characters and advises 15; 12 is our floor. */
export const MIN_PASSWORD_LENGTH = 12;

// A short list of the passwords and roots most tried in France and elsewhere (ASVS 6.2.4).
const COMMON_ROOTS = [
  'password',
  'motdepasse',
  'azerty',
  'qwerty',
  'azertyuiop',
  'qwertyuiop',
  '123456',
  '1234567890',
  'soleil',
  'bonjour',
  'doudou',
  'loulou',
  'chouchou',
  'marseille',
  'football',
  'iloveyou',
  'jetaime',
  'admin',
  'welcome',
  'letmein',
  'amiable',
  'changeme',
  'secret',
  'abc123',
  '000000',
  '111111',
  'princesse',
  'nicolas',
  'camille',
  'julien',
];

export function checkPassword(password: string, context: { email?: string; field?: string } = {}): FieldIssue | null {
  const field = context.field ?? 'password';
  const issue: FieldIssue = { field, code: 'weak_password', params: { min: MIN_PASSWORD_LENGTH } };
  if ([...password].length < MIN_PASSWORD_LENGTH) return issue;
  const folded = password.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (folded.length === 0 || new Set(folded).size <= 2) return issue;
  if (COMMON_ROOTS.some((root) => folded === root || (folded.startsWith(root) && /^\d*$/.test(folded.slice(root.length))))) return issue;
  const local = context.email
    ?.split('@')[0]
    ?.toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (local && local.length >= 4 && folded.includes(local)) return issue;
  return null;
}
