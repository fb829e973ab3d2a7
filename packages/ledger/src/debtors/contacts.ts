import { type FieldIssue, type Result, err, invalid, issue, ok } from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import { changes, cleanAddress, cleanIdentifiers, cleanText } from '../normalize.js';
import type { LedgerStore } from '../ports.js';
import type { ContactRecord, Locale, PostalAddress } from '../records.js';

export interface ContactInput {
  readonly name?: string | undefined;
  readonly jobTitle?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly address?: Partial<PostalAddress> | undefined;
  readonly preferredLocale?: Locale | undefined;
  readonly isPrimary?: boolean | undefined;
}

function build(
  base: ContactRecord | null,
  debtorId: string,
  input: ContactInput,
  id: string,
): { record: ContactRecord; issues: FieldIssue[] } {
  const pick = <K extends keyof ContactInput>(key: K): ContactInput[K] =>
    key in input ? input[key] : ((base as unknown as ContactInput | null)?.[key] as ContactInput[K]);
  const { values, issues } = cleanIdentifiers({ email: pick('email'), phone: pick('phone') });
  const name = cleanText(pick('name'));
  if (!name) issues.push(issue('name', 'required'));
  return {
    record: {
      id,
      debtorId,
      name: name ?? '',
      jobTitle: cleanText(pick('jobTitle')),
      email: values.email,
      phone: values.phone,
      address: cleanAddress(input.address ?? base?.address, null),
      preferredLocale: pick('preferredLocale') ?? 'fr',
      isPrimary: pick('isPrimary') ?? false,
    },
    issues,
  };
}

export async function addContact(
  debtorId: string,
  input: ContactInput,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<ContactRecord>> {
  if (!(await store.debtors.get(debtorId))) return err('NOT_FOUND');
  const { record, issues } = build(null, debtorId, input, ctx.ids.newId());
  if (issues.length > 0) return invalid(issues);
  const now = ctx.clock.now();
  if (record.isPrimary) await store.debtors.clearPrimaryContact(debtorId, record.id);
  await store.debtors.insertContact(record, now);
  await recordActivity(
    store,
    ctx,
    { debtorId, action: 'contact.added', subjectType: 'contact', subjectId: record.id, details: { name: record.name } },
    now,
  );
  return ok(record);
}

export async function updateContact(
  debtorId: string,
  contactId: string,
  input: ContactInput,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<ContactRecord>> {
  const current = await store.debtors.getContact(debtorId, contactId);
  if (!current) return err('NOT_FOUND');
  const { record, issues } = build(current, debtorId, input, contactId);
  if (issues.length > 0) return invalid(issues);
  const diff = changes(current, record, ['name', 'jobTitle', 'email', 'phone', 'address', 'preferredLocale', 'isPrimary']);
  if (Object.keys(diff).length === 0) return ok(current);
  const now = ctx.clock.now();
  if (record.isPrimary) await store.debtors.clearPrimaryContact(debtorId, contactId);
  await store.debtors.updateContact(record, now);
  await recordActivity(
    store,
    ctx,
    { debtorId, action: 'contact.updated', subjectType: 'contact', subjectId: contactId, details: { name: record.name, changes: diff } },
    now,
  );
  return ok(record);
}

export async function removeContact(debtorId: string, contactId: string, ctx: UseCaseContext, store: LedgerStore): Promise<Result<null>> {
  const current = await store.debtors.getContact(debtorId, contactId);
  if (!current || !(await store.debtors.deleteContact(debtorId, contactId))) return err('NOT_FOUND');
  await recordActivity(store, ctx, {
    debtorId,
    action: 'contact.removed',
    subjectType: 'contact',
    subjectId: contactId,
    details: { name: current.name },
  });
  return ok(null);
}

export async function addNote(
  debtorId: string,
  body: string,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<{ id: string; createdAt: Date }>> {
  if (!(await store.debtors.get(debtorId))) return err('NOT_FOUND');
  const text = body.trim();
  if (!text) return invalid([issue('body', 'required')]);
  const now = ctx.clock.now();
  const id = ctx.ids.newId();
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'api-key') return err('AUTH_FORBIDDEN');
  await store.debtors.insertNote({
    id,
    debtorId,
    body: text,
    authorKind: ctx.actor.kind,
    authorId: ctx.actor.id,
    authorLabel: ctx.actor.label,
    createdAt: now,
  });
  await recordActivity(
    store,
    ctx,
    { debtorId, action: 'note.added', subjectType: 'note', subjectId: id, details: { excerpt: text.slice(0, 140) } },
    now,
  );
  return ok({ id, createdAt: now });
}
