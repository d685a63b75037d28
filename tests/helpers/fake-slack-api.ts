import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the app made to the fake Slack: a Web API method, or a post to a response_url. */
export interface RecordedCall {
  /** "chat.postMessage", or "response_url" for posts to /response/… */
  method: string;
  path: string;
  /** Form fields or JSON body; fields Slack sends as JSON text (blocks, view…) are parsed. */
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
  at: number;
}

/** A button of a recorded message, as Slack would show it. */
export interface RecordedButton {
  action_id: string;
  value: string;
  text: string;
}

/** The buttons of every actions block of a message the app sent. */
export function buttonsOf(call: Pick<RecordedCall, "body"> | undefined): RecordedButton[] {
  const blocks = (call?.body.blocks ?? []) as {
    type: string;
    elements?: { action_id?: string; value?: string; text?: { text?: string } }[];
  }[];
  return blocks.flatMap((block) =>
    block.type === "actions"
      ? (block.elements ?? []).map((e) => ({
          action_id: e.action_id ?? "",
          value: e.value ?? "",
          text: e.text?.text ?? "",
        }))
      : [],
  );
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (slow Slack). */
  delayMs?: number;
}

export type FakeHandler = (call: RecordedCall) => FakeReply | undefined;

const JSON_FIELDS = new Set(["blocks", "attachments", "view", "metadata"]);

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return out;
}

let tsCounter = 0;
function nextTs(): string {
  tsCounter += 1;
  return `1700000000.${String(tsCounter).padStart(6, "0")}`;
}

/** What real Slack answers when all goes well, for the methods the bot uses. */
function defaultReply(call: RecordedCall): FakeReply {
  switch (call.method) {
    case "auth.test":
      return {
        body: {
          ok: true,
          url: "https://fake.slack.test/",
          team: "Fake",
          team_id: "T0001",
          user: "talks",
          user_id: "UBOT",
          bot_id: "BBOT",
        },
      };
    case "chat.postMessage":
      return {
        body: { ok: true, channel: call.body.channel, ts: nextTs(), message: { text: call.body.text } },
      };
    case "chat.postEphemeral":
      return { body: { ok: true, message_ts: nextTs() } };
    case "response_url":
      return { body: { ok: true } };
    default:
      return { body: { ok: true } };
  }
}

/**
 * A local stand-in for Slack's Web API (point WebClient's `slackApiUrl` at `apiUrl`) and for
 * response_url endpoints (`responseUrl(id)`). Records every call; `on()` overrides replies for faults.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  private readonly handlers: FakeHandler[] = [];
  private readonly server: Server;
  private port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Base URL for WebClient's `slackApiUrl` (ends with a slash, as WebClient expects). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${encodeURIComponent(id)}`;
  }

  /** Handlers run newest first; the first to return a reply wins, else Slack's normal answer. */
  on(handler: FakeHandler): () => void {
    this.handlers.unshift(handler);
    return () => {
      const index = this.handlers.indexOf(handler);
      if (index >= 0) this.handlers.splice(index, 1);
    };
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `count` calls to `method` were recorded, or rejects after `timeoutMs`. */
  async waitForCalls(method: string, count = 1, timeoutMs = 5_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.callsTo(method);
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`expected ${count} call(s) to ${method}, saw ${this.callsTo(method).length}`);
  }

  reset(): void {
    this.calls.length = 0;
    this.handlers.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const method = path.startsWith("/response/") ? "response_url" : path.replace(/^\/api\//, "");
    let body: Record<string, unknown>;
    try {
      body = parseBody(Buffer.concat(chunks).toString("utf8"), req.headers["content-type"]);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const call: RecordedCall = { method, path, body, headers: req.headers, at: Date.now() };
    this.calls.push(call);
    let reply: FakeReply | undefined;
    for (const handler of this.handlers) {
      reply = handler(call);
      if (reply !== undefined) break;
    }
    reply ??= defaultReply(call);
    if (reply.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { ok: true }));
  }
}
