/**
 * A refusal with its HTTP status and a stable code, answered as `{error: {code, message, detail?}}`
 * (ErrorBody in domain/sync/protocol.ts). `detail` is what a provider said, already cleaned by its
 * adapter, passed on as data beside the message.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}
