import { type ParseArgsConfig, parseArgs } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's flags; an unknown flag, a missing value or a bad number is
 * a UsageError whose message names the flag, in the user's language.
 */
export function parseFlags<T extends Options>(argv: readonly string[], options: T, fr: boolean) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message;
    const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(fr ? `Option inconnue : ${flag}` : `Unknown option: ${flag}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(fr ? `Valeur manquante ou invalide pour ${flag}` : `Missing or invalid value for ${flag}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(fr ? `Argument inattendu : ${message}` : `Unexpected argument: ${message}`);
    throw new UsageError(message);
  }
}

export function positiveInteger(value: string | undefined, flag: string, fr: boolean, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1 || parsed > max) {
    throw new UsageError(
      fr
        ? `${flag} attend un nombre entier positif (reçu : ${JSON.stringify(value ?? '')})`
        : `${flag} expects a positive integer (got ${JSON.stringify(value ?? '')})`,
    );
  }
  return parsed;
}

export function uuidFlag(value: string | undefined, flag: string, fr: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new UsageError(
      fr
        ? `${flag} attend un identifiant (UUID) (reçu : ${JSON.stringify(value)})`
        : `${flag} expects an identifier (UUID) (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}
