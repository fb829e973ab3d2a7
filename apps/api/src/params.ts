import { type Cursor, decodeCursor } from '@amiable/db';
import { type Cents, parseDecimalAmount } from '@amiable/domain';
import { fail } from './http-errors.js';

/** A page cursor from the query string; anything we did not issue is a 400 naming the parameter. */
export function cursorOf(text: string | undefined): Cursor | null {
  if (text === undefined) return null;
  return (
    decodeCursor(text) ??
    fail({ code: 'VALIDATION_FAILED', issues: [{ field: 'query.cursor', code: 'invalid_value', params: { value: text.slice(0, 40) } }] })
  );
}

/** Amounts arrive as decimal strings checked by the schema; this turns them into cents. */
export function centsOf(text: string, field: string): Cents {
  return (
    parseDecimalAmount(text) ?? fail({ code: 'VALIDATION_FAILED', issues: [{ field, code: 'invalid_amount', params: { value: text } }] })
  );
}
