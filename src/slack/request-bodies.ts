import type { RequestListener, ServerResponse } from "node:http";
import {
  type BufferedIncomingMessage,
  defaultBodyLimit,
  HTTPModuleFunctions,
  isRawBodyError,
} from "@slack/bolt";

/** Slack's payloads are a few kilobytes; Bolt's limit (4 MB) leaves ample room. */
export const REQUEST_BODY_LIMIT = defaultBodyLimit;

/** Where Slack posts commands, events and interactions (HTTPReceiver's default endpoint). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Every payload Slack sends parses to an object: a JSON object, or form fields (with a JSON `payload`). */
export function isPayloadObject(body: unknown): boolean {
  return typeof body === "object" && body !== null && !Array.isArray(body);
}

export interface RefusedBody {
  status: 400 | 413;
  reason: string;
}

function refuse(res: ServerResponse, status: RefusedBody["status"]): void {
  // Closing the connection stops a client still sending a huge body; keep-alive would read it all.
  res.writeHead(status, { connection: "close" }).end();
}

/**
 * In front of Bolt's request listener: Bolt parses a body only after checking its signature, and a
 * signed body that parses to something other than an object (`null`, a number, an array) throws
 * inside its receiver, outside any handler. Bodies posted to Slack's path are read here with Bolt's
 * own reader and parser, within its size limit (413 past it, before the rest is read), and any
 * that is not an object gets 400. Bolt then reuses the body read here and checks the signature.
 */
export function guardRequestBodies(
  listener: RequestListener,
  options: { onRefused: (refused: RefusedBody) => void; bodyLimit?: number },
): RequestListener {
  const bodyLimit = options.bodyLimit ?? REQUEST_BODY_LIMIT;
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "POST" || path !== SLACK_EVENTS_PATH) {
      listener(req, res);
      return;
    }
    void (async () => {
      let buffered: BufferedIncomingMessage;
      try {
        buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, bodyLimit);
      } catch (error) {
        const tooLarge = isRawBodyError(error) && error.status === 413;
        options.onRefused(
          tooLarge ? { status: 413, reason: "body too large" } : { status: 400, reason: "body not read" },
        );
        refuse(res, tooLarge ? 413 : 400);
        return;
      }
      let body: unknown;
      try {
        body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
      } catch {
        body = undefined;
      }
      if (!isPayloadObject(body)) {
        options.onRefused({ status: 400, reason: "body is not a JSON object or a form" });
        refuse(res, 400);
        return;
      }
      listener(buffered, res);
    })();
  };
}
