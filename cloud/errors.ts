/**
 * A failure the desktop should retry later with backoff: the cloud or its database is busy or
 * briefly away. Answered 503 (or 429 for "too many requests") with a Retry-After header.
 */
export class TemporaryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 429 | 503 = 503,
  ) {
    super(message);
  }
}

/** PostgreSQL codes that mean "try again": serialization, deadlock, lock or statement timeout, shutdown, too many connections. */
const temporarySqlStates = new Set(['40001', '40P01', '55P03', '57014', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006']);
const temporaryNetworkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** Whether an error from the database layer is an outage or overload rather than a bug. */
export function isTemporaryDatabaseError(error: unknown): boolean {
  let current: unknown = error;
  // drizzle wraps driver errors; the reason sits in `cause`.
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    // Stryker disable next-line ConditionalExpression: a code that is no string is in neither set; the check only keeps the sets typed
    if (typeof code === 'string' && (temporarySqlStates.has(code) || temporaryNetworkCodes.has(code))) return true;
    if (/timeout exceeded when trying to connect|Connection terminated/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
