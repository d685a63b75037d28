import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRASH_MESSAGES } from "../../src/lifecycle/crash.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { leakedSecrets, REPO_ROOT, spawnBuiltApp } from "./built-app.js";

const BOT_TOKEN = "xoxb-startup-bot-token-61b0";
const SIGNING_SECRET = "startup-signing-secret-7c2d";
const CRASH_FAULT = pathToFileURL(join(REPO_ROOT, "tests/built-app/faults/crash-after-start.mjs")).href;

describe("start-up and crashes of the built app", () => {
  let fake: FakeSlackApi;
  let dir: string;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    dir = mkdtempSync(join(tmpdir(), "talks-startup-"));
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const httpEnv = () => ({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    DATA_DIR: join(dir, "var"),
    DIGEST_CHECK_SECONDS: "3600",
    LOG_LEVEL: "info",
  });

  it.each([
    ["exception", CRASH_MESSAGES.uncaughtException],
    ["rejection", CRASH_MESSAGES.unhandledRejection],
  ])(
    "an uncaught %s is logged through the redacting logger and the app exits 1, printing no token",
    async (kind, message) => {
      const app = spawnBuiltApp({
        nodeArgs: ["--import", CRASH_FAULT],
        env: { ...httpEnv(), CRASH_KIND: kind },
      });
      try {
        const exit = await app.exitWithin(15_000);
        expect(exit?.code).toBe(1);
        const fatal = app.logs.find((line) => line.level === "fatal");
        expect(fatal?.msg).toBe(message);
        expect(fatal?.err).toMatchObject({ message: expect.stringContaining("An API error occurred") });
        expect(leakedSecrets(app.output(), [BOT_TOKEN, SIGNING_SECRET])).toEqual([]);
      } finally {
        app.kill();
      }
    },
    30_000,
  );
});
