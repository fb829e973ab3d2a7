import type { Role } from '@amiable/domain';

/** Who is calling, once authenticated: a person through a session, or a program through an API key. */
export type Principal =
  | {
      readonly kind: 'user';
      readonly tenantId: string;
      readonly userId: string;
      readonly role: Role;
      readonly sessionId: string;
      readonly email: string;
      readonly displayName: string;
      readonly locale: 'fr' | 'en';
    }
  | {
      readonly kind: 'api-key';
      readonly tenantId: string;
      readonly apiKeyId: string;
      readonly role: Role;
      readonly name: string;
    };

export interface Membership {
  readonly tenantId: string;
  readonly tenantName: string;
  readonly role: Role;
}
