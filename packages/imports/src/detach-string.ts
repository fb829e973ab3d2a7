/**
 * V8 keeps substrings of 13 characters or more as views on their parent
 * string. A string kept for a whole file (duplicate detection, memo tables)
 * must not pin the megabyte-sized chunk it was cut from, or streaming stops
 * being bounded. Concatenating makes a new string and the numeric conversion
 * forces V8 to flatten it into storage of its own; the slice is then a view
 * on that small copy only.
 */
export function detachString(value: string): string {
  if (value.length < 13) return value;
  const copy = ` ${value}`;
  Number(copy);
  return copy.slice(1);
}
