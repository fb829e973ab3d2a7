/**
 * Shapes shared by every resource. Amounts cross the API as decimal strings
 * with two decimals ("1234.56") next to their currency, never as floats;
 * calendar dates as "YYYY-MM-DD"; instants as ISO 8601 UTC strings.
 */
import { type Static, type TSchema, Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'Identifier (UUID)' });
export const IsoDateString = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Calendar date, YYYY-MM-DD',
  examples: ['2026-11-23'],
});
export const Instant = Type.String({ description: 'Instant, ISO 8601 in UTC', examples: ['2026-11-23T09:00:00.000Z'] });
export const Amount = Type.String({
  pattern: '^-?\\d{1,15}(\\.\\d{1,2})?$',
  description: 'Amount in units of the currency with at most two decimals, as a string (no float)',
  examples: ['1234.56'],
});
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code', examples: ['EUR'] });
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code', examples: ['FR'] });
export const Locale = Type.Union([Type.Literal('fr'), Type.Literal('en')], { description: 'Language of messages and documents' });
export const Cursor = Type.String({ maxLength: 500, description: 'Opaque cursor returned as nextCursor by the previous page' });
export const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size' });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Address = Type.Object({
  line1: Nullable(Type.String({ maxLength: 200 })),
  line2: Nullable(Type.String({ maxLength: 200 })),
  postalCode: Nullable(Type.String({ maxLength: 20 })),
  city: Nullable(Type.String({ maxLength: 100 })),
  country: Nullable(CountryCode),
});
export type Address = Static<typeof Address>;

export const AmountByCurrency = Type.Object({ currency: Currency, amount: Amount });
export type AmountByCurrency = Static<typeof AmountByCurrency>;

export const FieldIssue = Type.Object({
  field: Type.String({ description: 'The field as the user knows it: API property path, file column or CLI flag' }),
  code: Type.String({ description: 'Stable issue code (see docs/api.md)' }),
  message: Type.String({ description: "Message in the caller's language" }),
  line: Type.Optional(Type.Integer({ description: '1-based line of the file, for file rows' })),
});
export type FieldIssue = Static<typeof FieldIssue>;

export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Stable error code' }),
    message: Type.String({ description: "Message in the caller's language (Accept-Language, French by default)" }),
    issues: Type.Optional(Type.Array(FieldIssue)),
    requestId: Type.String(),
  },
  { $id: 'Error' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: 'Pass as cursor to get the next page; null on the last page' })),
  });

export const IdParams = Type.Object({ id: Uuid });
