/** What a service said when it refused a request: `{ code, message, field?, ... }` (libs/messaging's filter). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds to wait, from a 503/429 `Retry-After`. */
    readonly retryAfterSeconds?: number,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Per-field problems of a 400 VALIDATION_FAILED, when the service lists them. */
  get fieldProblems(): { field: string; code: string }[] {
    const errors = this.body.errors;
    if (!Array.isArray(errors)) return this.field ? [{ field: this.field, code: this.code }] : [];
    return errors.filter((e): e is { field: string; code: string } => typeof e === 'object' && e !== null && 'field' in e && 'code' in e);
  }
}

/** The network failed (offline, connection dropped): nothing was answered. */
export class NetworkError extends Error {
  readonly code = 'NETWORK';
}

export function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function toApiError(response: Response, body: unknown): ApiError {
  const shaped = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof shaped.code === 'string' ? shaped.code : `HTTP_${response.status}`;
  const message = typeof shaped.message === 'string' ? shaped.message : response.statusText;
  const field = typeof shaped.field === 'string' ? shaped.field : undefined;
  return new ApiError(response.status, code, message, field, retryAfterSeconds(response), shaped);
}

/** openapi-fetch's `{ data, error, response }` as data, or an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}
