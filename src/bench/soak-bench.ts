import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ACTION_IDS, encodeFeedback, encodeShare, encodeSuggestion } from "../blocks/actions.js";
import { percentile, startAppAgainstStub, startStubSlack } from "./support.js";

/**
 * Steady signed traffic against the real app in HTTP mode on loopback, for minutes: slash commands,
 * mentions, direct messages and button clicks, as Slack sends them. Prints requests served, errors,
 * latency and the app's memory at start and end; asserts nothing.
 *
 *   npx tsx src/bench/soak-bench.ts [seconds]     (or SOAK_SECONDS; default 300)
 *   SOAK_RATE: requests per second in all (default 50), SOAK_CONNECTIONS (default 10)
 */

const SIGNING_SECRET = "soak-signing-secret";
const BOT_TOKEN = "xoxb-soak-token";

export interface SoakBenchOptions {
  seconds?: number;
  /** Requests per second, all kinds together. */
  rate?: number;
  connections?: number;
}

/**
 * A stand-in for Slack in its own process (its work and memory are not the app's): answers every Web
 * API call and response_url post with ok and counts them by method and channel for GET /stats.
 */
const STUB_SLACK = `
const http = require("node:http");
const counts = {};
let ts = 0;
const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stats") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts));
    return;
  }
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const raw = Buffer.concat(chunks).toString();
    const url = req.url || "";
    const method = url.startsWith("/response/") ? "response_url" : url.replace(/^\\/api\\//, "");
    let channel = "";
    try { channel = String((raw.startsWith("{") ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw))).channel || ""); } catch {}
    const key = method + (channel ? " " + channel : "");
    counts[key] = (counts[key] || 0) + 1;
    ts += 1;
    const body = method === "auth.test"
      ? { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T0001" }
      : { ok: true, channel, ts: "1700000000." + String(ts).padStart(6, "0") };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

/**
 * The load generator, in its own process so the app's memory figures are the app's alone. Each
 * request is one kind, drawn in fixed proportions; every event gets a fresh id, as from Slack.
 */
const LOAD_GENERATOR = `
const { Agent, request } = require("node:http");
const { createHmac } = require("node:crypto");
const { port, secret, seconds, rate, connections, stubUrl, values } = JSON.parse(process.argv[1]);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const questions = ["what does Russia demand?", "is there a ceasefire?", "when is the next round of talks?", "what does Ukraine want?", "who mediates the talks?", "what is the weather in Paris?"];
const kinds = [["command-question", 25], ["command-status", 10], ["mention", 20], ["dm", 20], ["click-feedback", 10], ["click-suggestion", 8], ["click-share", 7]];
const total = kinds.reduce((sum, [, weight]) => sum + weight, 0);
const latencies = [];
const sent = {};
let errors = 0;
let n = 0;
function pick(i) { let x = (i * 7919) % total; for (const [kind, weight] of kinds) { if (x < weight) return kind; x -= weight; } return kinds[0][0]; }
function form(fields) { return new URLSearchParams(fields).toString(); }
function click(actionId, value, channel, responseId) {
  return form({ payload: JSON.stringify({ type: "block_actions", user: { id: "U0002", username: "bob", name: "bob", team_id: "T0001" },
    api_app_id: "A0001", token: "t", container: { type: "message", message_ts: "1700000000.000100", channel_id: channel, is_ephemeral: false },
    trigger_id: "1.2.3", team: { id: "T0001", domain: "fake" }, channel: { id: channel, name: "general" },
    message: { type: "message", ts: "1700000000.000100" }, response_url: stubUrl + "/response/" + responseId,
    actions: [{ type: "button", block_id: "b", action_id: actionId, value, text: { type: "plain_text", text: "x" }, action_ts: "1.1" }] }) });
}
function event(inner) {
  n += 1;
  return JSON.stringify({ token: "t", team_id: "T0001", api_app_id: "A0001", type: "event_callback", event_id: "EvSoak" + process.pid + "x" + n,
    event_time: Math.floor(Date.now() / 1000), event: inner,
    authorizations: [{ team_id: "T0001", user_id: "UBOT", is_bot: true, is_enterprise_install: false }] });
}
function build(kind, i) {
  const question = questions[i % questions.length];
  const ts = "1700001000." + String(i).padStart(6, "0");
  switch (kind) {
    case "command-question": case "command-status":
      return ["application/x-www-form-urlencoded", form({ team_id: "T0001", channel_id: "C0001", user_id: "U0001", command: "/talks",
        text: kind === "command-status" ? "status" : question, response_url: stubUrl + "/response/c" + i, trigger_id: "1.2.3" })];
    case "mention":
      return ["application/json", event({ type: "app_mention", user: "U0001", text: "<@UBOT> " + question, ts, channel: "C0001", event_ts: ts })];
    case "dm":
      return ["application/json", event({ type: "message", channel_type: "im", channel: "D0001", user: "U0001", text: question, ts, event_ts: ts })];
    case "click-feedback":
      return ["application/x-www-form-urlencoded", click(values.feedback.actionId, values.feedback.value, "C0001", "f" + i)];
    case "click-suggestion":
      return ["application/x-www-form-urlencoded", click(values.suggestion.actionId, values.suggestion.value, "C0001", "s" + i)];
    default:
      return ["application/x-www-form-urlencoded", click(values.share.actionId, values.share.value, "C0002", "h" + i)];
  }
}
function post(kind, i) {
  const [type, body] = build(kind, i);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = "v0=" + createHmac("sha256", secret).update("v0:" + timestamp + ":" + body).digest("hex");
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ agent, host: "127.0.0.1", port, path: "/slack/events", method: "POST", headers: {
      "content-type": type, "content-length": Buffer.byteLength(body),
      "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature } }, (res) => {
      res.resume();
      res.on("end", () => { if (res.statusCode === 200) latencies.push(performance.now() - started); else errors += 1; resolve(); });
    });
    req.setTimeout(10000, () => req.destroy(new Error("timeout")));
    req.on("error", () => { errors += 1; resolve(); });
    req.end(body);
  });
}
const interval = (1000 * connections) / rate;
const deadline = performance.now() + seconds * 1000;
let counter = 0;
async function connection(index) {
  let next = performance.now() + (interval * index) / connections;
  while (next < deadline) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    counter += 1;
    const kind = pick(counter);
    sent[kind] = (sent[kind] || 0) + 1;
    await post(kind, counter);
    next += interval;
  }
}
Promise.all(Array.from({ length: connections }, (_, i) => connection(i))).then(() => {
  agent.destroy();
  process.stdout.write(JSON.stringify({ sent, errors, latencies }));
});
`;

interface LoadResult {
  sent: Record<string, number>;
  errors: number;
  latencies: number[];
}

async function drive(args: Record<string, unknown>): Promise<LoadResult> {
  const child = spawn(process.execPath, ["-e", LOAD_GENERATOR, JSON.stringify(args)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  await once(child, "exit");
  return JSON.parse(out) as LoadResult;
}

/** Full collections before each reading, so the figures are live memory, not garbage not yet collected. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return () => {
    gc();
    gc();
  };
}

async function stubStats(url: string): Promise<Record<string, number>> {
  return (await (await fetch(`${url}/stats`)).json()) as Record<string, number>;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const growth = (start: number, end: number) => `${(((end - start) / start) * 100).toFixed(1)}%`;

export async function runSoakBench(overrides: SoakBenchOptions = {}): Promise<void> {
  const options: Required<SoakBenchOptions> = {
    seconds: overrides.seconds ?? Number(process.env.SOAK_SECONDS ?? 300),
    rate: overrides.rate ?? Number(process.env.SOAK_RATE ?? 50),
    connections: overrides.connections ?? Number(process.env.SOAK_CONNECTIONS ?? 10),
  };
  const collect = collector();
  const stub = await startStubSlack(STUB_SLACK);
  const dataDir = mkdtempSync(join(tmpdir(), "talks-soak-"));
  const app = await startAppAgainstStub({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    stubUrl: stub.url,
    dataDir,
  });
  const entry = app.getEngine().kb.entries[0];
  const values = {
    feedback: {
      actionId: ACTION_IDS.feedbackHelpful,
      value: encodeFeedback({
        entryId: entry?.id ?? null,
        helpful: true,
        normalisedQuestion: "soak question",
      }),
    },
    suggestion: {
      actionId: `${ACTION_IDS.suggestionPrefix}0`,
      value: encodeSuggestion({ entryId: entry?.id ?? "", normalisedQuestion: "soak question" }),
    },
    share: {
      actionId: ACTION_IDS.share,
      value: encodeShare({
        kind: "answer",
        entryId: entry?.id ?? "",
        question: entry?.question ?? null,
        normalisedQuestion: "soak question",
      }),
    },
  };
  const load = (seconds: number) =>
    drive({ ...options, seconds, port: app.port, secret: SIGNING_SECRET, stubUrl: stub.url, values });

  console.log(
    `soak bench: ${options.rate} req/s over ${options.connections} keep-alive connections for ${options.seconds} s, signed requests on loopback (commands, mentions, DMs, button clicks)`,
  );
  try {
    // Warm-up first, so the start figure is the app at work, not the app before its first request.
    await load(Math.min(10, Math.max(2, options.seconds / 10)));
    collect();
    const before = await stubStats(stub.url);
    const start = process.memoryUsage();
    let peakRss = start.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 1_000);
    const result = await load(options.seconds);
    clearInterval(sampler);
    // Answers posted after their ack finish within moments; let them land before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    collect();
    const end = process.memoryUsage();
    const after = await stubStats(stub.url);
    const replies = Object.entries(after)
      .filter(([key]) => key !== "auth.test")
      .map(([key, count]) => [key, count - (before[key] ?? 0)] as const);
    const posted = replies.reduce((sum, [, count]) => sum + count, 0);

    const sorted = [...result.latencies].sort((a, b) => a - b);
    const requests = Object.values(result.sent).reduce((sum, count) => sum + count, 0);
    // Slash commands are answered in the acknowledgement; every other request posts one reply.
    const expectedReplies =
      requests - (result.sent["command-question"] ?? 0) - (result.sent["command-status"] ?? 0);
    const missing = Math.max(0, expectedReplies - posted);
    console.log(
      `  requests sent       ${requests}  (${Object.entries(result.sent)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")})`,
    );
    console.log(`  requests served     ${sorted.length}  (200 OK)`);
    console.log(
      `  errors              ${result.errors + missing}  (${result.errors} failed requests, ${missing} missing replies; target 0)`,
    );
    console.log(
      `  latency             p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(2)} ms`,
    );
    console.log(
      `  replies posted      ${posted} for ${expectedReplies} mentions, DMs and clicks  (${replies.map(([k, v]) => `${k}: ${v}`).join(", ")})`,
    );
    console.log(
      `  memory rss          start ${mb(start.rss)}, end ${mb(end.rss)}, growth ${growth(start.rss, end.rss)}, peak ${mb(peakRss)}`,
    );
    console.log(
      `  memory heapUsed     start ${mb(start.heapUsed)}, end ${mb(end.heapUsed)}, growth ${growth(start.heapUsed, end.heapUsed)}  (target < 10%)`,
    );
  } finally {
    await app.stop();
    stub.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  await runSoakBench(seconds === undefined ? {} : { seconds });
}
