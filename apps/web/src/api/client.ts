/**
 * The one place that talks HTTP. Every endpoint function in this folder goes
 * through apiRequest, which sends the UI language, keeps the session cookie,
 * turns an ErrorBody into a thrown ApiError and reports AUTH_REQUIRED.
 */
import { type Locale, errorMessage } from '@amiable/i18n';
import type { FieldIssue } from './types';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = { readonly [key: string]: QueryValue };

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly issues: readonly FieldIssue[];
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, issues: readonly FieldIssue[] = [], requestId: string | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.requestId = requestId;
  }

  /** The first issue's message for a field ("siren", "address.postalCode"), if any. */
  issueFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.field === field)?.message;
  }

  /** Issues whose field is not in `known`: they have no input to sit next to. */
  otherIssues(known: readonly string[]): readonly FieldIssue[] {
    return this.issues.filter((issue) => !known.includes(issue.field));
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

interface ClientSettings {
  language: () => Locale;
  onUnauthorized: (error: ApiError) => void;
}

const settings: ClientSettings = {
  language: () => 'fr',
  onUnauthorized: () => {},
};

export function configureApiClient(options: Partial<ClientSettings>): void {
  Object.assign(settings, options);
}

/** "?status=overdue&limit=50", skipping empty values; "" when nothing is left. */
export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function apiUrl(path: string, query?: QueryParams): string {
  return `/api${path}${buildQuery(query)}`;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  readonly query?: QueryParams;
  /** Sent as application/json. */
  readonly json?: unknown;
  /** Sent as multipart/form-data (the browser sets the boundary). */
  readonly form?: FormData;
  readonly signal?: AbortSignal;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  const issues: FieldIssue[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.field !== 'string' || typeof item.message !== 'string') continue;
    const issue: FieldIssue = { field: item.field, code: typeof item.code === 'string' ? item.code : 'invalid', message: item.message };
    if (typeof item.line === 'number') issue.line = item.line;
    issues.push(issue);
  }
  return issues;
}

function fallbackCode(status: number): string {
  if (status === 401) return 'AUTH_REQUIRED';
  if (status === 403) return 'AUTH_FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'AUTH_RATE_LIMITED';
  if (status === 0 || status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  return 'INTERNAL';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Builds the error for a non-2xx response: the server's ErrorBody when there is one, a local message otherwise. */
export async function errorFromResponse(response: Response, locale: Locale): Promise<ApiError> {
  const body = await readBody(response);
  const requestId = response.headers.get('x-request-id');
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(
      response.status,
      body.code,
      body.message,
      readIssues(body.issues),
      typeof body.requestId === 'string' ? body.requestId : requestId,
    );
  }
  const code = fallbackCode(response.status);
  const retryAfter = response.headers.get('retry-after') ?? '60';
  return new ApiError(
    response.status,
    code,
    errorMessage(locale, code, { requestId: requestId ?? '-', retryAfterSeconds: retryAfter }),
    [],
    requestId,
  );
}

export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const locale = settings.language();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }

  let response: Response;
  try {
    response = await globalThis.fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'UNAVAILABLE', errorMessage(locale, 'UNAVAILABLE'));
  }

  if (!response.ok) {
    const error = await errorFromResponse(response, locale);
    if (error.status === 401 && error.code === 'AUTH_REQUIRED') settings.onUnauthorized(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const data = await readBody(response);
  if (data === undefined) {
    throw new ApiError(
      response.status,
      'INTERNAL',
      errorMessage(locale, 'INTERNAL', { requestId: response.headers.get('x-request-id') ?? '-' }),
    );
  }
  return data as T;
}
