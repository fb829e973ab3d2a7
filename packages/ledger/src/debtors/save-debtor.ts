import { type FieldIssue, type Result, err, invalid, issue, ok } from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import { changes, cleanAddress, cleanIdentifiers, cleanTags, cleanText, nameKey } from '../normalize.js';
import type { LedgerStore } from '../ports.js';
import type { DebtorKind, DebtorRecord, Locale, PostalAddress } from '../records.js';

export interface DebtorInput {
  readonly kind?: DebtorKind | undefined;
  readonly name?: string | undefined;
  readonly siren?: string | null | undefined;
  readonly siret?: string | null | undefined;
  readonly vatNumber?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly address?: Partial<PostalAddress> | undefined;
  readonly preferredLocale?: Locale | undefined;
  readonly tags?: readonly string[] | undefined;
}

const TRACKED: readonly (keyof DebtorRecord)[] = [
  'kind',
  'name',
  'siren',
  'siret',
  'vatNumber',
  'email',
  'phone',
  'address',
  'preferredLocale',
  'tags',
];

function build(base: DebtorRecord | null, input: DebtorInput, id: string, now: Date): { record: DebtorRecord; issues: FieldIssue[] } {
  const pick = <K extends keyof DebtorInput>(key: K): DebtorInput[K] =>
    key in input ? input[key] : ((base as unknown as DebtorInput | null)?.[key] as DebtorInput[K]);
  const kind = pick('kind') ?? 'business';
  const { values, issues } = cleanIdentifiers({
    siren: pick('siren'),
    siret: pick('siret'),
    vatNumber: pick('vatNumber'),
    email: pick('email'),
    phone: pick('phone'),
  });
  const name = cleanText(pick('name'));
  if (!name) issues.push(issue('name', 'required'));
  // A consumer (particulier) has no SIREN; a company identifier on one means the kind is wrong.
  if (kind === 'consumer' && values.siren) issues.push(issue('siren', 'invalid_value', { value: values.siren }));
  const record: DebtorRecord = {
    id,
    kind,
    name: name ?? '',
    siren: values.siren,
    siret: values.siret,
    vatNumber: values.vatNumber,
    email: values.email,
    phone: values.phone,
    address: cleanAddress(input.address ?? base?.address, 'FR'),
    preferredLocale: pick('preferredLocale') ?? 'fr',
    tags: cleanTags(pick('tags')),
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
  return { record, issues };
}

export async function createDebtor(input: DebtorInput, ctx: UseCaseContext, store: LedgerStore): Promise<Result<DebtorRecord>> {
  const now = ctx.clock.now();
  const { record, issues } = build(null, input, ctx.ids.newId(), now);
  if (issues.length > 0) return invalid(issues);
  if ((await store.debtors.insert(record, nameKey(record.name))) === 'duplicate-siren') return err('CONFLICT', { field: 'siren' });
  await recordActivity(
    store,
    ctx,
    { debtorId: record.id, action: 'debtor.created', subjectType: 'debtor', subjectId: record.id, details: { name: record.name } },
    now,
  );
  return ok(record);
}

export async function updateDebtor(id: string, input: DebtorInput, ctx: UseCaseContext, store: LedgerStore): Promise<Result<DebtorRecord>> {
  const current = await store.debtors.get(id);
  if (!current) return err('NOT_FOUND');
  const now = ctx.clock.now();
  const { record, issues } = build(current, input, id, now);
  if (issues.length > 0) return invalid(issues);
  const diff = changes(current, record, TRACKED);
  if (Object.keys(diff).length === 0) return ok(current);
  if ((await store.debtors.update(record, nameKey(record.name))) === 'duplicate-siren') return err('CONFLICT', { field: 'siren' });
  await recordActivity(
    store,
    ctx,
    { debtorId: id, action: 'debtor.updated', subjectType: 'debtor', subjectId: id, details: { changes: diff } },
    now,
  );
  return ok(record);
}
