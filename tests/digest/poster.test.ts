import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackDigestPoster } from "../../src/digest/poster.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";

/** A loopback port that was free a moment ago (fetch refuses low ports such as 1 before connecting). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const MESSAGE = { text: "digest", blocks: [] };
const RETRY = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 1_500 };

describe("posting a digest to Slack", () => {
  let fake: FakeSlackApi;
  let now: Date;
  let sleeps: number[];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now = new Date(now.getTime() + ms);
  };
  const farDeadline = () => new Date(now.getTime() + 60 * 60_000);

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    fake.reset();
    now = new Date("2025-07-22T06:00:00Z");
    sleeps = [];
  });

  const poster = (apiUrl = fake.apiUrl) =>
    createSlackDigestPoster({ token: "xoxb-test", slackApiUrl: apiUrl, retry: RETRY, now: () => now, sleep });

  it("sends text and blocks with chat.postMessage and returns Slack's ts", async () => {
    const outcome = await poster().post("C1", MESSAGE, { deadline: farDeadline() });
    expect(outcome).toEqual({ kind: "posted", ts: expect.stringMatching(/^\d+\.\d+$/) });
    expect(fake.callsTo("chat.postMessage")[0]?.body).toMatchObject({ channel: "C1", text: "digest" });
    expect(fake.callsTo("chat.postMessage")[0]?.headers.authorization).toBe("Bearer xoxb-test");
  });

  it("retries a refused connection with capped backoff, then gives up", async () => {
    // A loopback port nothing listens on refuses at once: Slack unreachable.
    const outcome = await poster(`http://127.0.0.1:${await closedPort()}/api/`).post("C1", MESSAGE, {
      deadline: farDeadline(),
    });
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringContaining("after 3 attempts") });
    expect(sleeps).toEqual([1_000, 1_500]);
  });

  it("does not retry an attempt that timed out waiting for Slack: it may have been posted", async () => {
    fake.on((call) => ({ delayMs: 1_000, body: { ok: true, channel: call.body.channel, ts: "1.2" } }));
    const outcome = await createSlackDigestPoster({
      token: "xoxb-test",
      slackApiUrl: fake.apiUrl,
      retry: RETRY,
      requestTimeoutMs: 100,
      now: () => now,
      sleep,
    }).post("C1", MESSAGE, { deadline: farDeadline() });
    expect(outcome).toMatchObject({ kind: "uncertain", reason: expect.stringContaining("TimeoutError") });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("does not wait past the deadline: another copy may own the delivery by then", async () => {
    fake.on(() => ({
      status: 429,
      headers: { "retry-after": "120" },
      body: { ok: false, error: "ratelimited" },
    }));
    const outcome = await poster().post("C1", MESSAGE, { deadline: new Date(now.getTime() + 60_000) });
    expect(outcome).toMatchObject({ kind: "failed" });
    expect(sleeps).toEqual([]);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("stops retrying once asked to stop", async () => {
    fake.on(() => ({ status: 500, body: { ok: false } }));
    const stopping = new AbortController();
    stopping.abort();
    const outcome = await poster().post("C1", MESSAGE, { deadline: farDeadline(), signal: stopping.signal });
    expect(outcome).toEqual({ kind: "failed", reason: "stopping", attempts: 0 });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("does not retry an error retrying cannot fix", async () => {
    fake.on(() => ({ body: { ok: false, error: "invalid_blocks" } }));
    expect(await poster().post("C1", MESSAGE, { deadline: farDeadline() })).toEqual({
      kind: "failed",
      reason: "invalid_blocks",
      attempts: 1,
    });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });
});
