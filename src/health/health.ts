import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CustomRoute } from "@slack/bolt";
import type { AnswerEngine } from "../answers/types.js";
import type { Storage } from "../storage/types.js";

export const HEALTH_PATH = "/healthz";

/**
 * A load balancer polls often and gives up after a few seconds; a lost database can keep a query
 * waiting for its whole connect timeout, so the check stops waiting long before that.
 */
export const STORAGE_PING_TIMEOUT_MS = 1_000;

export interface HealthDeps {
  /** A getter: the data is swapped whole when curators edit it, and the check reports what is served. */
  getEngine: () => AnswerEngine;
  storage: Pick<Storage, "ping">;
  /** False until Slack has accepted the bot token (and, in Socket Mode, the connection is open). */
  isSlackReachable: () => boolean;
  pingTimeoutMs?: number;
}

export interface HealthBody {
  ok: boolean;
  dataVersion: string;
  entries: number;
  storage: "reachable" | "unreachable";
  slack: "reachable" | "unreachable";
}

export interface HealthReport {
  /** 503 takes this copy out of a load balancer's rotation until its storage answers again. */
  status: 200 | 503;
  body: HealthBody;
}

/** ping() promises never to throw, but a hung connection would never settle: both count as unreachable. */
async function pingWithin(storage: Pick<Storage, "ping">, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([storage.ping().catch(() => false), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The app is healthy when its storage answers and Slack has accepted its token. Answering questions
 * needs only the data in memory, so the body still reports the data being served either way.
 */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const { kb } = deps.getEngine();
  const storageReachable = await pingWithin(deps.storage, deps.pingTimeoutMs ?? STORAGE_PING_TIMEOUT_MS);
  const slackReachable = deps.isSlackReachable();
  const ok = storageReachable && slackReachable;
  return {
    status: ok ? 200 : 503,
    body: {
      ok,
      dataVersion: kb.version,
      entries: kb.entries.length,
      storage: storageReachable ? "reachable" : "unreachable",
      slack: slackReachable ? "reachable" : "unreachable",
    },
  };
}

async function answerHealth(deps: HealthDeps, res: ServerResponse): Promise<void> {
  const report = await checkHealth(deps);
  res
    .writeHead(report.status, { "content-type": "application/json", "cache-control": "no-store" })
    .end(JSON.stringify(report.body));
}

/** `GET /healthz` on the HTTP receiver's own server (HTTP mode), next to /slack/events. */
export function healthRoutes(deps: HealthDeps): CustomRoute[] {
  return [{ path: HEALTH_PATH, method: ["GET"], handler: (_req, res) => void answerHealth(deps, res) }];
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

function route(deps: HealthDeps, req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? "/").split("?")[0];
  if (path !== HEALTH_PATH) {
    res.writeHead(404).end();
    return;
  }
  if (req.method !== "GET") {
    res.writeHead(405, { allow: "GET" }).end();
    return;
  }
  void answerHealth(deps, res);
}

/**
 * Socket Mode has no HTTP server of its own, so with HEALTH_PORT set this small one answers the
 * health check. Resolves once it is listening (port 0 picks a free port).
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  deps: HealthDeps;
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => route(options.deps, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error === undefined ? resolve() : reject(error))),
      );
    },
  };
}
