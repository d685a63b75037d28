import { webApi } from "@slack/bolt";

/** The error Slack's Web API answered with ("not_in_channel", "missing_scope"…), or null for any other failure. */
export function slackErrorCode(error: unknown): string | null {
  return error instanceof webApi.WebAPIPlatformError ? (error.data.error ?? null) : null;
}

/**
 * What went wrong under a Web API request error. Since web-api 8 the client uses fetch, which wraps
 * a refused connection as `TypeError: fetch failed` with the system error as its `cause`, and an
 * exceeded timeout as a `TimeoutError`; this digs out the code that says which it was.
 */
export function networkCause(error: unknown): { code: string; message: string } {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    message = current.message;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && !code.startsWith("slack_")) return { code, message };
    if (current.name === "TimeoutError" || current.name === "AbortError")
      return { code: current.name, message };
    current = (current as { original?: unknown }).original ?? current.cause;
  }
  return { code: "unknown", message };
}
