import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SHUTDOWN_MESSAGES } from "../../src/lifecycle/shutdown.js";
import { LOG_DROPPED_MESSAGE } from "../../src/logging/destination.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { type BuiltApp, leakedSecrets, spawnBuiltApp } from "./built-app.js";
import { type LogReader, startLogReader } from "./log-reader.js";

const BOT_TOKEN = "xoxb-logging-bot-token-9d2e";
const SIGNING_SECRET = "logging-signing-secret-04af";
/** The promise for a shutdown, whatever the log reader does. */
const SHUTDOWN_MS = 10_000;
/** Every acknowledgement within Slack's 3 s, even on a busy shared machine. */
const ACK_WITHIN_MS = 2_500;

describe("the log's reader does not decide whether the app keeps working or stops", () => {
  let fake: FakeSlackApi;
  let dir: string;
  let reader: LogReader;
  let app: BuiltApp;
  let slack: SlackRequests;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await fake.stop();
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "talks-logging-"));
    reader = startLogReader(dir);
    app = spawnBuiltApp({
      stdout: reader.appStdout,
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATA_DIR: join(dir, "var"),
        DIGEST_CHECK_SECONDS: "3600",
        // Bolt's debug lines make every request log a few kilobytes, so a stalled reader fills up fast.
        LOG_LEVEL: "debug",
      },
    });
    reader.releaseAppStdout();
    const running = await reader.waitFor((line) => line.msg === "talks bot is running");
    slack = new SlackRequests(`http://127.0.0.1:${String(running.port)}/slack/events`, SIGNING_SECRET);
  });

  afterEach(async () => {
    app.kill();
    await reader.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `count` status commands, `concurrency` at a time; every one must be answered promptly. */
  async function traffic(count: number, concurrency = 10): Promise<number[]> {
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next += 1;
        const ack = await slack.command("status", fake.responseUrl("logging"));
        expect(ack.status).toBe(200);
        latencies.push(ack.ms);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return latencies;
  }

  async function expectPromptCleanExit(): Promise<void> {
    const signalledAt = Date.now();
    app.child.kill("SIGTERM");
    const exit = await app.exitWithin(SHUTDOWN_MS);
    expect(exit, `exited within ${SHUTDOWN_MS} ms of SIGTERM`).not.toBeNull();
    expect(exit?.code).toBe(0);
    expect((exit?.at ?? 0) - signalledAt).toBeLessThan(SHUTDOWN_MS);
    expect(app.stderr()).toBe("");
    expect(leakedSecrets(app.output() + JSON.stringify(reader.lines), [BOT_TOKEN, SIGNING_SECRET])).toEqual(
      [],
    );
  }

  it("with a reader: logs every request and the shutdown, and exits 0 on SIGTERM", async () => {
    await traffic(20);
    await expectPromptCleanExit();
    await reader.waitFor((line) => line.msg === SHUTDOWN_MESSAGES.stopped);
    expect(reader.lines.filter((line) => line.msg === "handled")).toHaveLength(20);
    expect(reader.lines.some((line) => line.msg === LOG_DROPPED_MESSAGE)).toBe(false);
  }, 30_000);

  it("when the reader goes away while the app is idle, SIGTERM still ends it with 0 within 10 s", async () => {
    // The shutdown's own log lines are the first to find nobody reading.
    await reader.kill();
    await expectPromptCleanExit();
  }, 30_000);

  it("when the reader goes away, keeps answering, and SIGTERM ends it with 0 within 10 s", async () => {
    await reader.kill();
    const latencies = await traffic(50);
    expect(Math.max(...latencies)).toBeLessThan(ACK_WITHIN_MS);
    await expectPromptCleanExit();
  }, 30_000);

  it("when the reader stops reading: keeps answering, and SIGTERM still ends it with 0 within 10 s", async () => {
    reader.stall();
    // Far more log than the pipe and the app's queue hold.
    const latencies = await traffic(1_500);
    expect(Math.max(...latencies)).toBeLessThan(ACK_WITHIN_MS);
    await expectPromptCleanExit();
  }, 60_000);

  it("drops what a stalled reader cannot take, and says how many lines when it reads again", async () => {
    reader.stall();
    await traffic(1_500);
    reader.resume();
    // The queue drains into the reader; the next line written after it reports the drop.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await traffic(1, 1);
    const notice = await reader.waitFor((line) => line.msg === LOG_DROPPED_MESSAGE);
    expect(notice.dropped).toEqual(expect.any(Number));
    expect(notice.dropped as number).toBeGreaterThan(0);
    await expectPromptCleanExit();
  }, 60_000);
});
