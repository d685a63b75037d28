import { fork } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AckBenchAppReady, AckBenchGcPauses as GcPauses } from "./ack-bench-app.js";
import { percentile, startStubSlack } from "./support.js";

/**
 * Slash-command acknowledgement latency on loopback: the real app (whose ack carries the answer, with
 * the question logged to SQLite) side by side with a bare Bolt app that only acks, same load, same run.
 * Each app runs in a process of its own (ack-bench-app.ts), as in production, so neither's garbage
 * collection lands in the other's figures; the load comes from a worker thread of this process.
 * The two are measured in short alternating rounds (bare, talks, bare, talks…) and each side's samples
 * pooled, so machine noise falls on both sides alike rather than on whichever ran second. A p99 of a
 * few thousand samples moves a lot from run to run on a shared machine, so the whole comparison is
 * repeated and the summary shows each side's p50 and p99 over the runs (lowest to highest) next to
 * those of all runs' samples pooled: a difference between the sides means something only when it is
 * larger than that run-to-run spread. Garbage-collection pauses are counted per app. Prints figures;
 * asserts nothing.
 *
 *   npx tsx src/bench/ack-bench.ts [seconds]     (or ACK_BENCH_SECONDS; default 10 per side per run)
 *   ACK_BENCH_RUNS: how many times the comparison is repeated (default 3)
 *   ACK_BENCH_ROUND_SECONDS: length of one round (default 1)
 *   ACK_BENCH_CONNECTIONS (default 50), ACK_BENCH_RATE: requests per second per connection (default 5,
 *   i.e. 250 req/s: a steady load below what two cores can serve, since past saturation the figures
 *   measure throughput, not acknowledgement)
 */

export const SIGNING_SECRET = "bench-signing-secret";
export const BOT_TOKEN = "xoxb-bench-token";

export interface AckBenchOptions {
  /** Measured time per side and run, over all its rounds. */
  seconds?: number;
  /** Repeats of the whole comparison. */
  runs?: number;
  /** One round of one side; the sides alternate round by round. */
  roundSeconds?: number;
  connections?: number;
  /** Requests per second per connection: a steady, Slack-like load rather than a flood to saturation. */
  ratePerConnection?: number;
}

export interface PhaseResult {
  requests: number;
  errors: number;
  latenciesMs: number[];
}

/**
 * A stand-in for Slack that answers every Web API call and response_url post with ok. It runs in its
 * own process so its work does not count against the app it serves (the bare app calls it only for
 * auth.test, once).
 */
export const STUB_SLACK = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const body = (req.url || "").includes("auth.test")
      ? { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T0001" }
      : { ok: true, ts: "1700000000.000100" };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

/** One side of the comparison, in its own process (see ack-bench-app.ts). */
interface SideProcess {
  port: number;
  /** The garbage-collection pauses since the previous call. */
  gcPauses(): Promise<GcPauses>;
  stop(): void;
}

async function startSide(kind: "bare" | "talks", stubUrl: string, dataDir: string): Promise<SideProcess> {
  // fork passes this process's execArgv on, so the child runs TypeScript through the same loader.
  const child = fork(
    fileURLToPath(new URL("./ack-bench-app.ts", import.meta.url)),
    [kind, stubUrl, SIGNING_SECRET, BOT_TOKEN, dataDir],
    { stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`the ${kind} app exited (code ${code}) during the bench`);
  });
  exited.catch(() => undefined);
  const [ready] = (await Promise.race([once(child, "message"), exited])) as [AckBenchAppReady];
  return {
    port: ready.port,
    async gcPauses() {
      child.send("gc");
      const [pauses] = (await Promise.race([once(child, "message"), exited])) as [GcPauses];
      return pauses;
    },
    stop() {
      child.kill();
    },
  };
}

/**
 * The load generator, in a worker thread started afresh for each round, leaving this process's event
 * loop to talk to the apps. Plain JavaScript: the worker does not go through the TypeScript loader.
 */
const LOAD_GENERATOR = `
const { parentPort, workerData } = require("node:worker_threads");
const { Agent, request } = require("node:http");
const { createHmac } = require("node:crypto");
const { port, body, secret, seconds, connections, ratePerConnection } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let requests = 0;
let errors = 0;
function post() {
  const started = performance.now();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = "v0=" + createHmac("sha256", secret).update("v0:" + timestamp + ":" + body).digest("hex");
  return new Promise((resolve) => {
    const req = request({ agent, host: "127.0.0.1", port, path: "/slack/events", method: "POST", headers: {
      "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body),
      "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature } }, (res) => {
      res.resume();
      res.on("end", () => { if (res.statusCode === 200) latencies.push(performance.now() - started); else errors += 1; resolve(); });
    });
    req.on("error", () => { errors += 1; resolve(); });
    req.end(body);
  });
}
const interval = 1000 / ratePerConnection;
const deadline = performance.now() + seconds * 1000;
async function connection(index) {
  let next = performance.now() + (interval * index) / connections;
  while (next < deadline) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await post();
    requests += 1;
    next += interval;
  }
}
Promise.all(Array.from({ length: connections }, (_, i) => connection(i))).then(() => {
  agent.destroy();
  parentPort.postMessage({ requests, errors, latenciesMs: latencies });
});
`;

function commandBody(text: string, responseUrl: string): string {
  return new URLSearchParams({
    team_id: "T0001",
    channel_id: "C0001",
    user_id: "U0001",
    command: "/talks",
    text,
    response_url: responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  ratePerConnection: number;
}

export async function drive(
  port: number,
  text: string,
  responseUrl: string,
  load: LoadOptions,
): Promise<PhaseResult> {
  const worker = new Worker(LOAD_GENERATOR, {
    eval: true,
    workerData: { port, body: commandBody(text, responseUrl), secret: SIGNING_SECRET, ...load },
  });
  const [result] = (await once(worker, "message")) as [PhaseResult];
  await worker.terminate();
  return result;
}

function pooled(results: readonly PhaseResult[]): PhaseResult {
  return {
    requests: results.reduce((sum, result) => sum + result.requests, 0),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    latenciesMs: results.flatMap((result) => result.latenciesMs),
  };
}

/**
 * One warm-up round per side (discarded: JIT and connection set-up), then rounds alternating between
 * the sides until each has had `seconds`.
 */
async function interleaved(
  sides: { bare: SideProcess; talks: SideProcess },
  text: string,
  responseUrl: string,
  options: Required<AckBenchOptions>,
): Promise<{ bare: PhaseResult; talks: PhaseResult; bareGc: GcPauses; talksGc: GcPauses }> {
  const round: LoadOptions = { ...options, seconds: options.roundSeconds };
  await drive(sides.bare.port, text, responseUrl, round);
  await drive(sides.talks.port, text, responseUrl, round);
  // The warm-up's pauses, and those of the previous scenario, are not this measurement's.
  await sides.bare.gcPauses();
  await sides.talks.gcPauses();
  const rounds = Math.max(1, Math.round(options.seconds / options.roundSeconds));
  const bare: PhaseResult[] = [];
  const talks: PhaseResult[] = [];
  for (let i = 0; i < rounds; i += 1) {
    bare.push(await drive(sides.bare.port, text, responseUrl, round));
    talks.push(await drive(sides.talks.port, text, responseUrl, round));
  }
  return {
    bare: pooled(bare),
    talks: pooled(talks),
    bareGc: await sides.bare.gcPauses(),
    talksGc: await sides.talks.gcPauses(),
  };
}

function summary(result: PhaseResult) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);

function sideLine(label: string, result: PhaseResult, gc: GcPauses): string {
  const { p50, p95, p99 } = summary(result);
  const requests = String(result.requests).padStart(8);
  const errors = String(result.errors).padStart(6);
  const pauses = `${String(gc.count).padStart(4)} × ${gc.totalMs.toFixed(0).padStart(4)} ms`;
  return `  ${label}  ${ms(p50)} ${ms(p95)} ${ms(p99)}  ${requests}  ${errors}  ${pauses}`;
}

const SCENARIOS = [
  ["/talks status", "status"],
  ["/talks <question>", "what does Russia demand from Ukraine?"],
] as const;

export async function runAckBench(overrides: AckBenchOptions = {}): Promise<void> {
  const options: Required<AckBenchOptions> = {
    seconds: overrides.seconds ?? Number(process.env.ACK_BENCH_SECONDS ?? 10),
    runs: overrides.runs ?? Number(process.env.ACK_BENCH_RUNS ?? 3),
    roundSeconds: overrides.roundSeconds ?? Number(process.env.ACK_BENCH_ROUND_SECONDS ?? 1),
    connections: overrides.connections ?? Number(process.env.ACK_BENCH_CONNECTIONS ?? 50),
    ratePerConnection: overrides.ratePerConnection ?? Number(process.env.ACK_BENCH_RATE ?? 5),
  };
  const stub = await startStubSlack(STUB_SLACK);
  const dataDir = mkdtempSync(join(tmpdir(), "talks-ack-bench-"));
  const sides = {
    bare: await startSide("bare", stub.url, dataDir),
    talks: await startSide("talks", stub.url, dataDir),
  };
  const responseUrl = `${stub.url}/response/bench`;
  console.log(
    `ack bench: ${options.connections} keep-alive connections × ${options.ratePerConnection} req/s, ${options.seconds} s per side in alternating ${options.roundSeconds} s rounds, ${options.runs} run(s), signed /talks requests on loopback, each app in its own process`,
  );
  const allSamples = new Map<string, { bare: PhaseResult[]; talks: PhaseResult[] }>(
    SCENARIOS.map(([label]) => [label, { bare: [], talks: [] }]),
  );
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      for (const [label, text] of SCENARIOS) {
        const result = await interleaved(sides, text, responseUrl, options);
        allSamples.get(label)?.bare.push(result.bare);
        allSamples.get(label)?.talks.push(result.talks);
        console.log(`\nrun ${run}: ${label}`);
        console.log(
          `             ${"p50".padStart(10)} ${"p95".padStart(10)} ${"p99".padStart(10)}  requests  errors  gc pauses`,
        );
        console.log(sideLine("bare Bolt", result.bare, result.bareGc));
        console.log(sideLine("talks bot", result.talks, result.talksGc));
      }
    }
    console.log(
      "\nsummary: p50 and p99 per run (lowest–highest), then over all runs' samples; Slack allows 3000 ms",
    );
    for (const [label, samples] of allSamples) {
      console.log(`  ${label}`);
      for (const side of ["bare", "talks"] as const) {
        const runs = samples[side].map(summary);
        const all = summary(pooled(samples[side]));
        const spread = (values: number[]) =>
          `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)} ms`;
        console.log(
          `    ${side === "bare" ? "bare Bolt" : "talks bot"}  p50 ${spread(runs.map((run) => run.p50))} (all ${all.p50.toFixed(2)} ms)  p99 ${spread(runs.map((run) => run.p99))} (all ${all.p99.toFixed(2)} ms)`,
        );
      }
    }
  } finally {
    sides.talks.stop();
    sides.bare.stop();
    stub.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
  await runAckBench(seconds === undefined ? {} : { seconds });
}
