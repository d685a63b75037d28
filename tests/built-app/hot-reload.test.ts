import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HEALTH_PATH } from "../../src/health/health.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { type BuiltApp, spawnBuiltApp } from "./built-app.js";

const SIGNING_SECRET = "reload-signing-secret-d41a";
const FIXTURE = "tests/fixtures/knowledge/valid";
/** "Picked up within seconds": the app re-resolves the path every second and settles edits in 0.2 s. */
const PICKED_UP_WITHIN_MS = 5_000;
const QUESTION = "when is the next round";

/** A copy of the fixture whose answer to QUESTION ends with "(mark)". */
function release(dir: string, mark: string): string {
  cpSync(FIXTURE, dir, { recursive: true });
  markAnswer(dir, mark);
  return dir;
}

function markAnswer(dir: string, mark: string): void {
  const path = join(dir, "qa", "negotiations.yml");
  const text = readFileSync(path, "utf8").replace(/ \(v\d+[^)]*\)(?=\n)|(?<=2025\.)(?=\n)/, ` (${mark})`);
  writeFileSync(path, text);
}

describe("a release switching the whole KNOWLEDGE_DIR is picked up by the running app", () => {
  let fake: FakeSlackApi;
  let root: string;
  let app: BuiltApp;
  let slack: SlackRequests;
  let base: string;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "talks-reload-"));
  });
  afterEach(() => {
    // The built app reads each release in its worker thread (dist/knowledge/load-worker.js), never on the
    // thread that acks requests.
    const messages = app?.logs.map((line) => line.msg) ?? [];
    expect(messages).toContain("data reloaded");
    expect(messages.filter((message) => String(message).startsWith("data read on the main thread"))).toEqual(
      [],
    );
    app?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  async function start(knowledgeDir: string): Promise<void> {
    app = spawnBuiltApp({
      env: {
        SLACK_BOT_TOKEN: "xoxb-reload-bot-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        KNOWLEDGE_DIR: knowledgeDir,
        DATA_DIR: join(root, "var"),
        DIGEST_CHECK_SECONDS: "3600",
        LOG_LEVEL: "info",
      },
    });
    base = await app.running();
    slack = new SlackRequests(`${base}/slack/events`, SIGNING_SECRET);
    expect(await answer()).toContain("(v1)");
  }

  async function answer(): Promise<string> {
    const ack = await slack.command(QUESTION, fake.responseUrl("reload"));
    return ack.body;
  }

  /** Waits until the answer carries `mark`; fails after PICKED_UP_WITHIN_MS. */
  async function expectPickedUp(mark: string): Promise<void> {
    const deadline = Date.now() + PICKED_UP_WITHIN_MS;
    while (Date.now() < deadline) {
      if ((await answer()).includes(`(${mark})`)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { dataVersion } = (await (await fetch(`${base}${HEALTH_PATH}`)).json()) as { dataVersion: string };
    throw new Error(`"(${mark})" not served within ${PICKED_UP_WITHIN_MS} ms; still serving ${dataVersion}`);
  }

  it("a rename swap (mv data data.old; mv data.new data), then edits in place", async () => {
    const data = release(join(root, "data"), "v1");
    await start(data);
    release(join(root, "data.new"), "v2");
    renameSync(data, join(root, "data.old"));
    renameSync(join(root, "data.new"), data);
    await expectPickedUp("v2");
    markAnswer(data, "v3");
    await expectPickedUp("v3");
  }, 30_000);

  it("the folder deleted and created again, then edits in place", async () => {
    const data = release(join(root, "data"), "v1");
    await start(data);
    rmSync(data, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await answer(), "the previous data keeps serving meanwhile").toContain("(v1)");
    release(data, "v2");
    await expectPickedUp("v2");
    markAnswer(data, "v3");
    await expectPickedUp("v3");
  }, 30_000);

  it("an atomic symlink switch (ln -s release-2 data.next; mv -T data.next data), then edits in place", async () => {
    const first = release(join(root, "release-1"), "v1");
    const second = release(join(root, "release-2"), "v2");
    const link = join(root, "data");
    symlinkSync(first, link);
    await start(link);
    symlinkSync(second, join(root, "data.next"));
    renameSync(join(root, "data.next"), link);
    await expectPickedUp("v2");
    markAnswer(second, "v3");
    await expectPickedUp("v3");
  }, 30_000);
});
