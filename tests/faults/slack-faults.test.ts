import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION_IDS, encodeFeedback } from "../../src/blocks/actions.js";
import { FEEDBACK_THANKS, SOMETHING_WENT_WRONG } from "../../src/blocks/messages.js";
import { FakeSlackApi, type RecordedCall } from "../helpers/fake-slack-api.js";
import { buttonClick } from "../helpers/slack-requests.js";
import { type AppUnderFault, answerSnippet, startAppUnderFault } from "./app-harness.js";
import { SwitchableProxy } from "./switchable-proxy.js";

const QUESTION = "what does Russia demand?";
let fake: FakeSlackApi;
let proxy: SwitchableProxy;
let app: AppUnderFault;
let snippet: string;
let tsCounter = 0;
const nextTs = () => {
  tsCounter += 1;
  return `1700000100.${String(tsCounter).padStart(6, "0")}`;
};

const postsIn = (threadTs: string): RecordedCall[] =>
  fake.callsTo("chat.postMessage").filter((call) => call.body.thread_ts === threadTs);

/** Waits until `count` posts went to the thread, then a short settle so an extra one would show. */
async function postsTo(threadTs: string, count: number, timeoutMs: number): Promise<RecordedCall[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && postsIn(threadTs).length < count) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 150));
  return postsIn(threadTs);
}

/** Fails the first `times` chat.postMessage calls with `reply`, then lets Slack answer normally. */
function failPosts(
  times: number,
  reply: { status: number; headers?: Record<string, string>; body?: unknown },
) {
  let left = times;
  return fake.on((call) => {
    if (call.method !== "chat.postMessage" || left === 0) return undefined;
    left -= 1;
    return reply;
  });
}

/** Proves the app is still up and serving: a fresh mention is answered promptly. */
async function expectStillServing(): Promise<void> {
  const ts = nextTs();
  const ack = await app.mention(QUESTION, ts);
  expect(ack.status).toBe(200);
  const posts = await postsTo(ts, 1, 3_000);
  expect(posts).toHaveLength(1);
  expect(JSON.stringify(posts[0]?.body.blocks)).toContain(snippet);
}

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  proxy = await new SwitchableProxy(Number(new URL(fake.apiUrl).port)).start();
  app = await startAppUnderFault({ apiUrl: `http://127.0.0.1:${proxy.listeningPort}/api/` });
  snippet = await answerSnippet(app.engine, QUESTION);
  // Bolt checks the token (auth.test) once, on the first request; do it while Slack is healthy.
  await expectStillServing();
});

afterAll(async () => {
  await app?.stop();
  await proxy?.stop();
  await fake?.stop();
});

beforeEach(() => {
  fake.reset();
});

afterEach(async () => {
  await proxy.restore();
});

describe("Slack Web API faults while answering a mention", () => {
  it("500: the answer is posted once on the retry, and the app keeps serving", async () => {
    failPosts(1, { status: 500, body: "" });
    const ts = nextTs();
    expect((await app.mention(QUESTION, ts)).status).toBe(200);
    const posts = await postsTo(ts, 2, 8_000);
    expect(posts).toHaveLength(2);
    expect(JSON.stringify(posts[1]?.body.blocks)).toContain(snippet);
    expect(posts[0]?.body.blocks).toEqual(posts[1]?.body.blocks);
    await expectStillServing();
  }, 15_000);

  it("429 with Retry-After: waits as told, then posts the answer once", async () => {
    failPosts(1, { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } });
    const ts = nextTs();
    expect((await app.mention(QUESTION, ts)).status).toBe(200);
    const posts = await postsTo(ts, 2, 8_000);
    expect(posts).toHaveLength(2);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(JSON.stringify(posts[1]?.body.blocks)).toContain(snippet);
    await expectStillServing();
  }, 15_000);

  it("slow Slack: the answer arrives once, and other requests are acked and answered meanwhile", async () => {
    const slowTs = nextTs();
    const logsBefore = app.logs.lines.length;
    fake.on((call) =>
      call.method === "chat.postMessage" && call.body.thread_ts === slowTs ? { delayMs: 2_000 } : undefined,
    );
    const ack = await app.mention(QUESTION, slowTs);
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(1_000);
    await fake.waitForCalls("chat.postMessage", 1, 3_000);
    const startedOther = Date.now();
    await expectStillServing();
    expect(Date.now() - startedOther).toBeLessThan(1_800);
    // Past the slow reply: no retry or fallback was sent on top of the answer.
    const [slowCall] = postsIn(slowTs);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, (slowCall?.at ?? 0) + 2_300 - Date.now())),
    );
    const posts = postsIn(slowTs);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.body.blocks)).toContain(snippet);
    expect(
      app.logs
        .entries()
        .slice(logsBefore)
        .filter((line) => line.level === "error"),
    ).toEqual([]);
  }, 15_000);

  it("refused connections: the answer is posted once Slack is reachable again, and requests are still acked", async () => {
    await proxy.refuse();
    const ts = nextTs();
    const ack = await app.mention(QUESTION, ts);
    expect(ack.status, "Slack's request is acked while the Web API is unreachable").toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(postsIn(ts)).toHaveLength(0);
    await proxy.restore();
    const posts = await postsTo(ts, 1, 8_000);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.body.blocks)).toContain(snippet);
    await expectStillServing();
  }, 15_000);

  it("the same faults on a direct message: answered in the DM after the retry", async () => {
    failPosts(1, { status: 503, body: "" });
    const ts = nextTs();
    const ack = await app.slack.event({
      type: "message",
      channel_type: "im",
      channel: "D0001",
      user: "U0001",
      text: QUESTION,
      ts,
      event_ts: ts,
    });
    expect(ack.status).toBe(200);
    const deadline = Date.now() + 8_000;
    const dmPosts = () => fake.callsTo("chat.postMessage").filter((call) => call.body.channel === "D0001");
    while (Date.now() < deadline && dmPosts().length < 2)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dmPosts()).toHaveLength(2);
    expect(JSON.stringify(dmPosts()[1]?.body.blocks)).toContain(snippet);
  }, 15_000);
});

describe("a Slack that never answers (the bounded Web API client)", () => {
  it("gives up after the policy's attempts, logs it, and the answer's work ends instead of hanging", async () => {
    const hung = await startAppUnderFault({
      apiUrl: fake.apiUrl,
      webApiPolicy: { timeoutMs: 300, retries: 1, minDelayMs: 50, maxDelayMs: 50 },
    });
    try {
      const ts = nextTs();
      fake.on((call) =>
        call.method === "chat.postMessage" && call.body.thread_ts === ts ? { delayMs: 10_000 } : undefined,
      );
      const started = Date.now();
      expect((await hung.mention(QUESTION, ts)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(hung.inFlight.size).toBe(1);
      await hung.inFlight.idle();
      // Two attempts at the answer, two at the fallback, each cut at 300 ms.
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(postsIn(ts)).toHaveLength(4);
      const errors = hung.logs.entries().filter((line) => line.level === "error");
      expect(errors.map((line) => line.msg)).toEqual([
        "could not answer the mention",
        "could not send the fallback reply",
      ]);
    } finally {
      await hung.stop();
    }
  });
});

describe("Slack faults on a button click's response_url", () => {
  it("a 500 on the reply gives a clear fallback or the thanks, logs the error, and the app keeps serving", async () => {
    let failed = false;
    fake.on((call) => {
      if (call.method !== "response_url" || failed) return undefined;
      failed = true;
      return { status: 500, body: "" };
    });
    const click = buttonClick(
      {
        action_id: ACTION_IDS.feedbackHelpful,
        value: encodeFeedback({
          entryId: "russia-demands",
          helpful: true,
          normalisedQuestion: "russia demand",
        }),
      },
      { responseUrl: fake.responseUrl("feedback") },
    );
    const logsBefore = app.logs.lines.length;
    expect((await app.slack.blockAction(click)).status).toBe(200);
    const replies = await fake.waitForCalls("response_url", 2, 5_000);
    const last = JSON.stringify(replies.at(-1)?.body);
    const shown = [SOMETHING_WENT_WRONG, FEEDBACK_THANKS.helpful].filter((text) => last.includes(text));
    expect(shown).toHaveLength(1);
    const logged = app.logs.entries().slice(logsBefore);
    expect(logged.some((line) => line.level === "error" || line.level === "warn")).toBe(true);
    // The thanks is simply sent again: the vote was recorded, there is nothing to apologise for.
    expect(shown).toEqual([FEEDBACK_THANKS.helpful]);
    expect(replies).toHaveLength(2);
    await expectStillServing();
  });
});

describe("the log under faults", () => {
  it("never held the bot token or the signing secret, through every fault above", () => {
    expect(app.logs.lines.length).toBeGreaterThan(0);
    const all = app.logs.lines.join("\n");
    expect(all).not.toContain("xoxb-faults-bot-token");
    expect(all).not.toContain("faults-signing-secret-0042");
  });
});
