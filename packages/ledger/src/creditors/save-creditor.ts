import { type Result, err, invalid, ok } from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import { changes, cleanAddress, cleanIdentifiers, cleanText } from '../normalize.js';
import type { LedgerStore } from '../ports.js';
import type { CreditorRecord, PostalAddress } from '../records.js';

export interface CreditorInput {
  readonly legalName?: string | undefined;
  readonly tradeName?: string | null | undefined;
  readonly legalForm?: string | null | undefined;
  readonly siren?: string | null | undefined;
  readonly siret?: string | null | undefined;
  readonly vatNumber?: string | null | undefined;
  readonly address?: Partial<PostalAddress> | undefined;
  readonly iban?: string | null | undefined;
  readonly bic?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly letterLegalMentions?: string | null | undefined;
  readonly recoveryContact?: { readonly name: string; readonly email?: string | null; readonly phone?: string | null } | null | undefined;
}

const TRACKED: readonly (keyof CreditorRecord)[] = [
  'legalName',
  'tradeName',
  'legalForm',
  'siren',
  'siret',
  'vatNumber',
  'address',
  'iban',
  'bic',
  'email',
  'phone',
  'letterLegalMentions',
  'recoveryContact',
];

function build(base: CreditorRecord | null, input: CreditorInput, id: string, now: Date) {
  const pick = <K extends keyof CreditorInput>(key: K) =>
    key in input ? input[key] : base ? (base as unknown as CreditorInput)[key] : undefined;
  const { values, issues } = cleanIdentifiers({
    siren: pick('siren'),
    siret: pick('siret'),
    vatNumber: pick('vatNumber'),
    iban: pick('iban'),
    bic: pick('bic'),
    email: pick('email'),
    phone: pick('phone'),
  });
  const legalName = cleanText(pick('legalName') as string | undefined);
  if (!legalName) issues.push({ field: 'legalName', code: 'required' });
  const address = cleanAddress(input.address ?? base?.address, 'FR');
  if (address.country && !/^[A-Z]{2}$/.test(address.country))
    issues.push({ field: 'address.country', code: 'invalid_value', params: { value: address.country } });
  const contactIn = 'recoveryContact' in input ? input.recoveryContact : base?.recoveryContact;
  let recoveryContact: CreditorRecord['recoveryContact'] = null;
  if (contactIn) {
    const name = cleanText(contactIn.name);
    const checked = cleanIdentifiers({ email: contactIn.email ?? null, phone: contactIn.phone ?? null });
    if (!name) issues.push({ field: 'recoveryContact.name', code: 'required' });
    for (const i of checked.issues) issues.push({ ...i, field: `recoveryContact.${i.field}` });
    recoveryContact = { name: name ?? '', email: checked.values.email, phone: checked.values.phone };
  }
  const record: CreditorRecord = {
    id,
    legalName: legalName ?? '',
    tradeName: cleanText(pick('tradeName') as string | null | undefined),
    legalForm: cleanText(pick('legalForm') as string | null | undefined),
    ...values,
    address,
    logoFileId: base?.logoFileId ?? null,
    letterLegalMentions: cleanText(pick('letterLegalMentions') as string | null | undefined),
    recoveryContact,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
  return { record, issues };
}

/** Permissions are checked by the caller (the API route declares what it needs). */
export async function createCreditor(input: CreditorInput, ctx: UseCaseContext, store: LedgerStore): Promise<Result<CreditorRecord>> {
  const now = ctx.clock.now();
  const { record, issues } = build(null, input, ctx.ids.newId(), now);
  if (issues.length > 0) return invalid(issues);
  if ((await store.creditors.insert(record)) === 'duplicate-siren') return err('CONFLICT', { field: 'siren' });
  await recordActivity(
    store,
    ctx,
    { debtorId: null, action: 'creditor.created', subjectType: 'creditor', subjectId: record.id, details: { name: record.legalName } },
    now,
  );
  return ok(record);
}

export async function updateCreditor(
  id: string,
  input: CreditorInput,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<CreditorRecord>> {
  const current = await store.creditors.get(id);
  if (!current) return err('NOT_FOUND');
  const now = ctx.clock.now();
  const { record, issues } = build(current, input, id, now);
  if (issues.length > 0) return invalid(issues);
  const diff = changes(current, record, TRACKED);
  if (Object.keys(diff).length === 0) return ok(current);
  if ((await store.creditors.update(record)) === 'duplicate-siren') return err('CONFLICT', { field: 'siren' });
  await recordActivity(
    store,
    ctx,
    {
      debtorId: null,
      action: 'creditor.updated',
      subjectType: 'creditor',
      subjectId: id,
      details: { name: record.legalName, changes: diff },
    },
    now,
  );
  return ok(record);
}
