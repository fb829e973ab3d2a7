import type { LedgerStore } from '@amiable/ledger';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';

export function activityRepository(tx: Tx): LedgerStore['activity'] {
  return {
    async record(entry, actor) {
      await tx.execute(sql`INSERT INTO amiable.activity (tenant_id, id, occurred_at, debtor_id, actor_kind, actor_id, actor_label, channel, ip,
          action, subject_type, subject_id, details)
        VALUES (${tx.tenantId}, ${entry.id}, ${entry.occurredAt}, ${entry.debtorId}, ${actor.kind}, ${actor.id}, ${actor.label}, ${actor.channel},
          ${actor.ip}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId}, ${JSON.stringify(entry.details)}::jsonb)`);
    },
  };
}

export function fileRepository(tx: Tx): LedgerStore['files'] {
  return {
    async insert(file, createdAt) {
      await tx.execute(sql`INSERT INTO amiable.stored_file (tenant_id, id, filename, content_type, byte_size, sha256, content, created_at)
        VALUES (${tx.tenantId}, ${file.id}, ${file.filename}, ${file.contentType}, ${file.byteSize}, ${Buffer.from(file.sha256)},
          ${Buffer.from(file.content)}, ${createdAt})`);
    },
    async findBySha256(sha256) {
      const row = await tx.maybeOne<{ id: string }>(
        sql`SELECT id FROM amiable.stored_file WHERE sha256 = ${Buffer.from(sha256)} ORDER BY created_at, id LIMIT 1`,
      );
      return row?.id ?? null;
    },
  };
}
