/** What the signed-in role may do, from the same permission table the API checks (@amiable/domain). */
import { can } from '@amiable/domain';
import type { Role } from '../api/types';

export const canWorkDebtors = (role: Role) => can(role, 'debtor:work');
export const canImport = (role: Role) => can(role, 'imports:run');
export const canWriteLedger = (role: Role) => can(role, 'ledger:write');
export const canManageRates = (role: Role) => can(role, 'rates:manage');
/** Recovery: managers configure scenarios, approve, review, change case states and run the planner. */
export const canManageRecovery = (role: Role) => can(role, 'ledger:write');
/** Recovery: agents and above log call outcomes and promises to pay. */
export const canWorkRecovery = (role: Role) => can(role, 'debtor:work');
/** Letters: managers change the letter texts; everyone reads them and previews. */
export const canWriteLetters = (role: Role) => can(role, 'letters:write');
/** The collection agency's identity: the owner saves it, as the tenant's other settings (PUT /api/tenant/agency-profile). */
export const canManageAgency = (role: Role) => can(role, 'users:manage');
