import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { type BuiltApp, leakedSecrets, spawnBuiltApp } from "./built-app.js";

const BOT_TOKEN = "xoxb-bodies-bot-token-7f3a";
const SIGNING_SECRET = "bodies-signing-secret-51c9";
const MB = 1024 * 1024;

/** Resident memory of a process, from /proc (Linux, as in production). */
function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB$/m);
  if (line === null) throw new Error("no VmRSS");
  return Number(line[1]) * 1024;
}

/**
 * Streams `totalBytes` of junk to the app without a signature, as an attacker would, and reports
 * the status the app answered with (null when it only cut the connection).
 */
function postHugeBody(
  url: string,
  totalBytes: number,
): Promise<{ status: number | null; sentBytes: number }> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(MB, "a");
    let sentBytes = 0;
    let status: number | null = null;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve({ status, sentBytes });
    };
    const req = request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on("end", finish);
    });
    req.on("error", finish);
    req.on("close", finish);
    const pump = () => {
      while (sentBytes < totalBytes && !req.destroyed) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

describe("request bodies reaching the built app", () => {
  let fake: FakeSlackApi;
  let app: BuiltApp;
  let slack: SlackRequests;
  let base: string;
  let dataDir: string;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    dataDir = mkdtempSync(join(tmpdir(), "talks-bodies-"));
    app = spawnBuiltApp({
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATA_DIR: dataDir,
        DIGEST_CHECK_SECONDS: "3600",
        LOG_LEVEL: "info",
      },
    });
    base = await app.running();
    slack = new SlackRequests(`${base}/slack/events`, SIGNING_SECRET);
  });

  afterAll(async () => {
    app.kill();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const statusCommandWorks = async () => {
    const ack = await slack.command("status", fake.responseUrl("bodies"));
    expect(ack.status).toBe(200);
    expect(ack.body).toContain("Where the talks stand");
  };

  it.each([
    ["null", "application/json"],
    ["42", "application/json"],
    ['"text"', "application/json"],
    ["true", "application/json"],
    ["[]", "application/json"],
    ["[{}]", "application/json"],
    ["payload=null", "application/x-www-form-urlencoded"],
    ["payload=%5B1%5D", "application/x-www-form-urlencoded"],
    ["{not json", "application/json"],
  ])("answers 400 to the signed body %s (%s) and keeps serving", async (body, contentType) => {
    const sent = await slack.send(body, contentType, slack.signed(body));
    expect(sent.status).toBe(400);
    await statusCommandWorks();
    expect(app.child.exitCode).toBeNull();
  });

  it("refuses huge unsigned bodies with 413 before reading them, while signed requests stay fast", async () => {
    const rssBefore = rssBytes(app.pid);
    const floods = Array.from({ length: 6 }, () => postHugeBody(`${base}/slack/events`, 100 * MB));
    const signedLatencies: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const ack = await slack.command("status", fake.responseUrl("bodies"));
      expect(ack.status).toBe(200);
      signedLatencies.push(ack.ms);
    }
    const results = await Promise.all(floods);
    const rssAfter = rssBytes(app.pid);

    for (const result of results) {
      // Closing a connection with a body still arriving can reset it before the client reads the 413.
      expect([413, null], "each flood is refused with 413, or cut off after it").toContain(result.status);
      expect(result.sentBytes, "the app stopped the upload well before 100 MB").toBeLessThan(100 * MB);
    }
    const refused = () =>
      app.logs.filter((line) => line.msg === "refused a request body" && line.status === 413);
    await vi.waitFor(() => expect(refused()).toHaveLength(6), { timeout: 5_000 });
    // Bolt 4 buffered every body whole: about 440 MB more per 100 MB body.
    expect(rssAfter - rssBefore).toBeLessThan(64 * MB);
    // Slack gives an acknowledgement 3 s; on loopback, even on a busy 2-core machine, less.
    expect(Math.max(...signedLatencies)).toBeLessThan(2_500);
    await statusCommandWorks();
    expect(leakedSecrets(app.output(), [BOT_TOKEN, SIGNING_SECRET])).toEqual([]);
  }, 60_000);
});
