import type { Clock, IdGenerator } from '@amiable/domain';

/** Who acts and from where: recorded with every activity (user, API key, import, engine). */
export interface Actor {
  readonly kind: 'user' | 'api-key' | 'import' | 'engine' | 'system';
  readonly id: string | null;
  readonly label: string;
  readonly channel: 'web' | 'api' | 'cli' | 'worker';
  readonly ip: string | null;
}

/** What every use case receives besides its input and its store. */
export interface UseCaseContext {
  readonly actor: Actor;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** What happened, for the activity log; who, when and from where come from the context. */
export interface ActivityFact {
  readonly debtorId: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}
