import { type Static, Type } from 'typebox';
import { AmountByCurrency, Amount, Cursor, Instant, Limit, Nullable, Uuid } from './common.js';

export const ImportFormat = Type.Union([
  Type.Literal('csv'),
  Type.Literal('xlsx'),
  Type.Literal('facturx'),
  Type.Literal('cii'),
  Type.Literal('ubl'),
]);
export const ImportMode = Type.Union([Type.Literal('all-or-nothing'), Type.Literal('valid-rows-only')], {
  description: 'all-or-nothing (default): a file with a bad row writes nothing; valid-rows-only: good rows are imported, bad rows reported',
});
export const ImportStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('rejected'),
  Type.Literal('failed'),
]);

export const ColumnMapping = Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 500 }), {
  description: 'Field name (invoiceNumber, issueDate, dueDate, amountInclTax, debtorName, debtorSiren, …) → 0-based column index',
});

export const RejectedRow = Type.Object({
  line: Type.Integer(),
  column: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export type RejectedRow = Static<typeof RejectedRow>;

export const ImportCounts = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
});

export const ImportPreview = Type.Object({
  id: Uuid,
  filename: Type.String(),
  format: ImportFormat,
  creditorId: Nullable(Uuid),
  layout: Nullable(
    Type.Object({
      encoding: Nullable(Type.String()),
      delimiter: Nullable(Type.String()),
      sheet: Nullable(Type.String()),
      headerLine: Type.Integer(),
      headers: Type.Array(Type.String()),
      decimalSeparator: Type.String(),
    }),
  ),
  mapping: ColumnMapping,
  missingFields: Type.Array(Type.String()),
  mappableFields: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Array(Type.String())),
  rowCount: Type.Integer(),
  check: Nullable(
    Type.Object({
      counts: ImportCounts,
      rejected: Type.Array(RejectedRow),
      totalOutstanding: Amount,
      outstandingByCurrency: Type.Array(AmountByCurrency),
    }),
  ),
  problem: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});
export type ImportPreview = Static<typeof ImportPreview>;

export const ImportPreviewBody = Type.Object(
  { mapping: Type.Optional(ColumnMapping), creditorId: Type.Optional(Uuid), sheet: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const ImportConfirmBody = Type.Object(
  {
    mapping: Type.Optional(ColumnMapping),
    creditorId: Type.Optional(Uuid),
    sheet: Type.Optional(Type.String({ maxLength: 100 })),
    mode: Type.Optional(ImportMode),
    rememberMapping: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const ImportBatch = Type.Object({
  id: Uuid,
  filename: Type.String(),
  format: ImportFormat,
  status: ImportStatus,
  mode: ImportMode,
  creditorId: Nullable(Uuid),
  counts: ImportCounts,
  rejected: Type.Array(RejectedRow),
  totalOutstanding: Amount,
  outstandingByCurrency: Type.Array(AmountByCurrency),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  createdBy: Type.String(),
  createdAt: Instant,
  startedAt: Nullable(Instant),
  finishedAt: Nullable(Instant),
});
export type ImportBatch = Static<typeof ImportBatch>;
export const ImportListQuery = Type.Object({ cursor: Type.Optional(Cursor), limit: Type.Optional(Limit) }, { additionalProperties: false });
