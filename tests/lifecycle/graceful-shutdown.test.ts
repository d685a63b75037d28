import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHUTDOWN_MESSAGES } from "../../src/lifecycle/shutdown.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { SlackRequests } from "../helpers/slack-requests.js";

const SIGNING_SECRET = "lifecycle-signing-secret-42";
const BOT_TOKEN = "xoxb-lifecycle-bot-token";
/** How long the fake Slack holds the in-flight answer's response_url post before accepting it. */
const SLOW_REPLY_MS = 1_500;

interface Child {
  process: ChildProcess;
  /** Parsed JSON log lines, as they arrive. */
  logs: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Empty values mask a developer's .env, which the entry point loads (dotenv never overrides). */
const BLANK_ENV = {
  SLACK_APP_TOKEN: "",
  NODE_ENV: "",
  DATABASE_URL: "",
  KNOWLEDGE_DIR: "",
  HEALTH_PORT: "",
};

/** `npm start`'s entry point as a real process, so real signals reach it. */
function spawnApp(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "src/app.ts"], {
    env: { PATH: process.env.PATH ?? "", ...BLANK_ENV, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const logs: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ msg: line });
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { process: child, logs, exited };
}

async function logLine(child: Child, msg: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = child.logs.find((line) => line.msg === msg);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no "${msg}" log line within ${timeoutMs} ms; saw ${JSON.stringify(child.logs)}`);
}

describe("graceful shutdown of a real process", () => {
  let fake: FakeSlackApi;
  let dataDir: string;
  let child: Child | null = null;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    dataDir = mkdtempSync(join(tmpdir(), "talks-lifecycle-"));
  });

  afterAll(async () => {
    if (child !== null && child.process.exitCode === null) child.process.kill("SIGKILL");
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("on SIGTERM stops taking requests, delivers the answer in flight, and exits 0 within 10 s", async () => {
    child = spawnApp({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATA_DIR: dataDir,
      DIGEST_CHECK_SECONDS: "3600",
      LOG_LEVEL: "info",
    });
    const running = await logLine(child, "talks bot is running", 15_000);
    const base = `http://127.0.0.1:${String(running.port)}`;
    // Slash commands are answered in the acknowledgement itself; a mention's answer is posted after
    // it, so that is the work a shutdown can catch in flight.
    fake.on((call) => (call.method === "chat.postMessage" ? { delayMs: SLOW_REPLY_MS } : undefined));

    const slack = new SlackRequests(`${base}/slack/events`, SIGNING_SECRET);
    const ack = await slack.event({
      type: "app_mention",
      user: "U0001",
      text: "<@UBOT> what does Russia demand?",
      ts: "1700000000.000700",
      channel: "C0001",
      event_ts: "1700000000.000700",
    });
    expect(ack.status).toBe(200);
    // The answer has reached Slack's door and is waiting there: it is in flight.
    await fake.waitForCalls("chat.postMessage", 1, 5_000);
    const signalledAt = Date.now();
    child.process.kill("SIGTERM");

    await logLine(child, SHUTDOWN_MESSAGES.stopping, 5_000);
    await expect(
      fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) }),
      "a stopping app takes no new requests",
    ).rejects.toThrow();

    const exit = await Promise.race([
      child.exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]);
    expect(exit, "exited within 10 s of SIGTERM").not.toBeNull();
    expect(exit?.code).toBe(0);
    // It waited for Slack to accept the answer rather than cutting the post off (which the Web client
    // would have retried, or logged as a failed answer).
    expect((exit?.at ?? 0) - signalledAt).toBeGreaterThanOrEqual(SLOW_REPLY_MS - 300);
    const posts = fake.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: "C0001", thread_ts: "1700000000.000700" });
    expect(JSON.stringify(posts[0]?.body.blocks)).toContain("Russia");
    expect(child.logs.some((line) => line.msg === SHUTDOWN_MESSAGES.stopped)).toBe(true);
    expect(child.logs.filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);
  }, 30_000);
});
