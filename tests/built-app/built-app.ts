import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/**
 * Runs the app the way production does: `node dist/app.js`, built by `npm run build` (which
 * `npm run check` runs before the tests), with only the environment a test gives it.
 */

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BUILT_ENTRY = join(REPO_ROOT, "dist", "app.js");

function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** A test of the built app must not run an older build than the source it is meant to test. */
export function assertBuilt(): void {
  if (!existsSync(BUILT_ENTRY)) throw new Error("dist/app.js is missing: run `npm run build` first");
  if (statSync(BUILT_ENTRY).mtimeMs < newestModification(join(REPO_ROOT, "src"))) {
    throw new Error("dist/ is older than src/: run `npm run build` first");
  }
}

/** Every variable the app reads, empty: a developer's .env (which the app loads) must not leak in. */
export const BLANK_ENV: Readonly<Record<string, string>> = Object.freeze({
  SLACK_BOT_TOKEN: "",
  SLACK_SIGNING_SECRET: "",
  SLACK_APP_TOKEN: "",
  SLACK_API_URL: "",
  PORT: "",
  HEALTH_PORT: "",
  NODE_ENV: "",
  LOG_LEVEL: "",
  KNOWLEDGE_DIR: "",
  DATA_DIR: "",
  DATABASE_URL: "",
  QUESTION_LOG_DAYS: "",
  DIGEST_DEFAULT_TZ: "",
  DIGEST_CHECK_SECONDS: "",
});

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export interface BuiltApp {
  child: ChildProcess;
  pid: number;
  /** JSON log lines read from standard output so far (when the test reads it). */
  logs: Record<string, unknown>[];
  /** Everything printed so far, standard output and standard error, as text. */
  output(): string;
  stderr(): string;
  exited: Promise<Exit>;
  /** The first log line with this message (or matching the predicate), waiting up to `timeoutMs`. */
  waitForLog(
    match: string | ((line: Record<string, unknown>) => boolean),
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Waits for the "talks bot is running" line; resolves to the base URL in HTTP mode. */
  running(timeoutMs?: number): Promise<string>;
  /** The exit, or null when the process is still running after `timeoutMs`. */
  exitWithin(timeoutMs: number): Promise<Exit | null>;
  /** SIGKILL if still running (test clean-up). */
  kill(): void;
}

export interface SpawnOptions {
  env: Record<string, string>;
  /** "pipe" (default): the test reads standard output; or a file descriptor to hand the app instead. */
  stdout?: "pipe" | number;
  cwd?: string;
  /** Run as this user and group (tests run as root, which ignores file permissions). */
  uid?: number;
  gid?: number;
  /** Its own process group, so a test can signal the group as a process manager does. */
  detached?: boolean;
  /** Arguments for node before the entry point (e.g. `--import` of a fault). */
  nodeArgs?: string[];
  entry?: string;
}

export function spawnBuiltApp(options: SpawnOptions): BuiltApp {
  assertBuilt();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry ?? BUILT_ENTRY], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", ...BLANK_ENV, ...options.env },
    stdio: ["ignore", options.stdout ?? "pipe", "pipe"],
    detached: options.detached ?? false,
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  const logs: Record<string, unknown>[] = [];
  let stdoutText = "";
  let stderrText = "";
  if (child.stdout !== null) {
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdoutText += chunk;
    });
    createInterface({ input: child.stdout }).on("line", (line) => logs.push(parseLine(line)));
  }
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderrText += chunk;
  });
  const exited = new Promise<Exit>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const app: BuiltApp = {
    child,
    pid: child.pid ?? -1,
    logs,
    output: () => stdoutText + stderrText,
    stderr: () => stderrText,
    exited,
    waitForLog: (match, timeoutMs = 15_000) => waitForLine(app, logs, match, timeoutMs),
    async running(timeoutMs = 15_000) {
      const line = await app.waitForLog("talks bot is running", timeoutMs);
      return `http://127.0.0.1:${String(line.port)}`;
    },
    exitWithin: (timeoutMs) =>
      Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))]),
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
  return app;
}

export function parseLine(line: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === "object" && parsed !== null) return parsed as Record<string, unknown>;
  } catch {
    // Not JSON: kept as a message so a test can still find it.
  }
  return { msg: line };
}

async function waitForLine(
  app: BuiltApp,
  logs: readonly Record<string, unknown>[],
  match: string | ((line: Record<string, unknown>) => boolean),
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const test = typeof match === "string" ? (line: Record<string, unknown>) => line.msg === match : match;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = logs.find(test);
    if (found !== undefined) return found;
    if (app.child.exitCode !== null || app.child.signalCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line ${String(match)} within ${timeoutMs} ms; output so far:\n${app.output()}`);
}

/** Asserts on text without ever printing a secret in the failure message. */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 5)}…`);
}
