import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PerformanceObserver } from "node:perf_hooks";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { startAppAgainstStub } from "./support.js";

/**
 * One side of the ack bench, in a process of its own so that each app's garbage collection is its
 * own, as in production: `bare` (a Bolt app whose /talks listener only acks) or `talks` (the real
 * app). Started by ack-bench.ts with an IPC channel: sends `{ port }` once listening, and answers
 * each `"gc"` message with the garbage-collection pauses since the previous one.
 *
 *   ack-bench-app.ts <bare|talks> <stub Slack URL> <signing secret> <bot token> <data dir>
 */

export interface AckBenchAppReady {
  port: number;
}

export interface AckBenchGcPauses {
  count: number;
  totalMs: number;
}

async function startBare(stubUrl: string, signingSecret: string, botToken: string): Promise<number> {
  const receiver = new HTTPReceiver({ signingSecret, logLevel: LogLevel.ERROR });
  const app = new App({
    token: botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: `${stubUrl}/api/` },
  });
  app.command("/talks", async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as Server;
  return (server.address() as AddressInfo).port;
}

async function startTalks(stubUrl: string, signingSecret: string, botToken: string, dataDir: string) {
  const running = await startAppAgainstStub({ botToken, signingSecret, stubUrl, dataDir });
  if (running.port === null) throw new Error("the talks app did not start in HTTP mode");
  return running.port;
}

const [kind, stubUrl, signingSecret, botToken, dataDir] = process.argv.slice(2);
if (
  (kind !== "bare" && kind !== "talks") ||
  stubUrl === undefined ||
  signingSecret === undefined ||
  botToken === undefined ||
  dataDir === undefined ||
  process.send === undefined
) {
  throw new Error("usage: ack-bench-app.ts <bare|talks> <stub URL> <secret> <token> <data dir>, with IPC");
}

const pauses: AckBenchGcPauses = { count: 0, totalMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    pauses.count += 1;
    pauses.totalMs += entry.duration;
  }
}).observe({ entryTypes: ["gc"] });

process.on("message", (message) => {
  if (message !== "gc") return;
  // Pauses are reported a moment after they end; let those of the last requests arrive first.
  setImmediate(() => {
    process.send?.({ ...pauses } satisfies AckBenchGcPauses);
    pauses.count = 0;
    pauses.totalMs = 0;
  });
});
// The bench ending, for whatever reason, ends this process too.
process.on("disconnect", () => process.exit(0));

const port =
  kind === "bare"
    ? await startBare(stubUrl, signingSecret, botToken)
    : await startTalks(stubUrl, signingSecret, botToken, dataDir);
process.send({ port } satisfies AckBenchAppReady);
