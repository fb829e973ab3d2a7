import type { CaseAgent } from '../../api/types';

/** The members who may follow cases, as a select shows them: name and e-mail (two Julies stay apart). */
export function agentOptions(agents: readonly CaseAgent[] | undefined): { value: string; label: string }[] {
  return (agents ?? []).map((a) => ({ value: a.id, label: `${a.name} — ${a.email}` }));
}
