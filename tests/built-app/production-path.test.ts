import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SHUTDOWN_MESSAGES } from "../../src/lifecycle/shutdown.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { assertBuilt, type BuiltApp, leakedSecrets, REPO_ROOT, spawnBuiltApp } from "./built-app.js";

const BOT_TOKEN = "xoxb-production-bot-token-0e6b";
const SIGNING_SECRET = "production-signing-secret-93fa";
/** How long the fake Slack holds the in-flight answer before accepting it. */
const SLOW_REPLY_MS = 1_500;

/** The fenced code blocks of one kind (```ini, ```dockerfile…) in the README's Deploying section. */
function deployingBlocks(kind: string): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((part) => part.startsWith("Deploying\n")) ?? "";
  return [...section.matchAll(new RegExp(`^\`\`\`${kind}\\n([\\s\\S]*?)^\`\`\``, "gm"))].map(
    (match) => match[1] ?? "",
  );
}

/**
 * A folder laid out as a deployment after `npm ci && npm run build && npm prune --omit=dev`: the
 * build, package.json, the data, and only the production dependencies (from package-lock.json).
 */
function productionInstall(root: string): string {
  const dir = join(root, "app");
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  // Copied, not linked: a link would resolve dist's imports from the checkout's full node_modules.
  cpSync(join(REPO_ROOT, "dist"), join(dir, "dist"), { recursive: true });
  cpSync(join(REPO_ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(REPO_ROOT, "data"), join(dir, "data"));
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    const topLevel = /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path);
    if (!topLevel || entry.dev === true) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(join(REPO_ROOT, path), join(dir, path));
  }
  return dir;
}

/** Every file under `dir`, recursively. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe("dist/, as built by npm run build", () => {
  it("imports nothing but Node's own modules, its own files and production dependencies", () => {
    assertBuilt();
    const { dependencies } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const outside = new Set<string>();
    for (const file of filesIn(join(REPO_ROOT, "dist")).filter((path) => path.endsWith(".js"))) {
      const text = readFileSync(file, "utf8");
      // Static imports and re-exports (`… from "x";`, `import "x";`) at a statement's start, and dynamic
      // `import("x")`: not a word "from" followed by a quote inside some string.
      const specifiers = [
        ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"\s*;/gm),
        ...text.matchAll(/^\s*import\s*"([^"]+)"\s*;/gm),
        ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
      ];
      for (const [, specifier] of specifiers) {
        if (specifier === undefined || specifier.startsWith(".") || specifier.startsWith("node:")) continue;
        const name = specifier.startsWith("@")
          ? specifier.split("/").slice(0, 2).join("/")
          : specifier.split("/")[0];
        if (name === undefined || !(name in dependencies))
          outside.add(`${relative(REPO_ROOT, file)}: ${specifier}`);
      }
    }
    expect([...outside]).toEqual([]);
  });
});

describe("the production path in the README's Deploying section", () => {
  let fake: FakeSlackApi;
  let root: string;
  let installed: string;
  let app: BuiltApp | null = null;

  beforeAll(async () => {
    assertBuilt();
    fake = await new FakeSlackApi().start();
    root = mkdtempSync(join(tmpdir(), "talks-production-"));
    installed = productionInstall(root);
  });
  afterEach(() => {
    app?.kill();
    app = null;
    fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /**
   * Starts `command` (node and its arguments) in the production install, puts an answer in flight
   * (Slack is slow to accept it), signals, and checks the answer went out before a clean exit.
   */
  async function answerInFlightSurvives(
    command: string[],
    env: Record<string, string>,
    signal: (app: BuiltApp) => void,
  ): Promise<void> {
    const [program, entry, ...rest] = command;
    expect(program, "runs node itself, not npm").toMatch(/(^|\/)node$/);
    expect([entry, ...rest]).toEqual(["dist/app.js"]);
    app = spawnBuiltApp({
      cwd: installed,
      entry: join(installed, entry as string),
      detached: true,
      env: {
        ...env,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATA_DIR: join(root, "var"),
        DIGEST_CHECK_SECONDS: "3600",
        LOG_LEVEL: "info",
      },
    });
    // A fresh deployment has no vector cache: its first start embeds every curated text (20 s or more
    // on two cores), and only the second start of the install finds them cached.
    const base = await app.running(90_000);
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
    signal(app);

    await app.waitForLog(SHUTDOWN_MESSAGES.stopping, 5_000);
    await expect(
      fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) }),
      "a stopping app takes no new requests",
    ).rejects.toThrow();
    const exit = await app.exitWithin(10_000);
    expect(exit, "exited within 10 s of the signal").not.toBeNull();
    expect(exit?.code).toBe(0);
    // It waited for Slack to accept the answer rather than cutting the post off.
    expect((exit?.at ?? 0) - signalledAt).toBeGreaterThanOrEqual(SLOW_REPLY_MS - 300);
    const posts = fake.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: "C0001", thread_ts: "1700000000.000700" });
    expect(app.logs.some((line) => line.msg === SHUTDOWN_MESSAGES.stopped)).toBe(true);
    expect(app.logs.filter((line) => line.level === "error" || line.level === "fatal")).toEqual([]);
    expect(leakedSecrets(app.output(), [BOT_TOKEN, SIGNING_SECRET])).toEqual([]);
  }

  it("systemd: the unit's ExecStart runs with production dependencies only, and SIGTERM to its whole process group lets the answer in flight finish", async () => {
    const [unit] = deployingBlocks("ini");
    expect(unit, "a systemd unit").toBeDefined();
    const execStart =
      unit
        ?.match(/^ExecStart=(.+)$/m)?.[1]
        ?.trim()
        .split(/\s+/) ?? [];
    const nodeEnv = unit?.match(/^Environment=NODE_ENV=(\w+)$/m)?.[1];
    expect(nodeEnv).toBe("production");
    await answerInFlightSurvives(execStart, { NODE_ENV: "production" }, (started) =>
      process.kill(-started.pid, "SIGTERM"),
    );
  }, 150_000);

  it("container: the image's CMD runs with production dependencies only, and SIGTERM to the app alone (from the init) lets the answer in flight finish", async () => {
    const [dockerfile] = deployingBlocks("dockerfile");
    expect(dockerfile, "a container example").toBeDefined();
    const cmd = JSON.parse(dockerfile?.match(/^CMD (\[.+\])$/m)?.[1] ?? "[]") as string[];
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production$/m);
    expect(deployingBlocks("sh").join("\n"), "run with an init process").toMatch(/docker run --init /);
    await answerInFlightSurvives(cmd, { NODE_ENV: "production" }, (started) => started.child.kill("SIGTERM"));
  }, 60_000);
});
