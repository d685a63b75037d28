import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CONSOLE_BANNER } from "../../src/console/messages.js";
import { openSqliteStorage } from "../../src/storage/sqlite.js";

const dataDir = mkdtempSync(join(tmpdir(), "talks-console-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm start`'s entry point with only the given variables (empty ones mask a developer's .env). */
function start(env: Record<string, string>, input = "") {
  const blank = {
    SLACK_BOT_TOKEN: "",
    SLACK_SIGNING_SECRET: "",
    SLACK_APP_TOKEN: "",
    SLACK_API_URL: "",
    NODE_ENV: "",
    DATABASE_URL: "",
    KNOWLEDGE_DIR: "",
    LOG_LEVEL: "",
    DATA_DIR: dataDir,
  };
  return spawnSync(process.execPath, ["--import", "tsx", "src/app.ts"], {
    env: { PATH: process.env.PATH ?? "", ...blank, ...env },
    input,
    encoding: "utf8",
    timeout: 15_000,
  });
}

describe("npm start", () => {
  it("starts the local console without Slack credentials, answers, and ends cleanly on EOF", () => {
    const run = start({ LOG_LEVEL: "warn" }, "/talks status\n");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(CONSOLE_BANNER);
    expect(run.stdout).toContain("Where the talks stand");
  });

  it("keeps the console's questions in SQLite under DATA_DIR, for the curator report", async () => {
    const run = start({ LOG_LEVEL: "warn" }, "what is the best recipe for banana bread\n");
    expect(run.status).toBe(0);
    const storage = openSqliteStorage({ dataDir });
    try {
      const logged = await storage.questionsSince(new Date(Date.now() - 60_000));
      expect(logged).toContainEqual(expect.objectContaining({ answered: false, entryId: null }));
    } finally {
      await storage.close();
    }
  });

  it("stops with a clear message when PostgreSQL cannot be reached, never printing its password", () => {
    const run = start({ DATABASE_URL: "postgres://talks:hunter2-secret@127.0.0.1:1/talks" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("PostgreSQL at");
    expect(run.stderr + run.stdout).not.toContain("hunter2-secret");
  });

  it("stops with every configuration problem and never prints a secret", () => {
    const run = start({ SLACK_BOT_TOKEN: "xoxb-super-secret-value", PORT: "nope" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("SLACK_SIGNING_SECRET");
    expect(run.stderr).toContain("PORT");
    expect(run.stderr + run.stdout).not.toContain("xoxb-super-secret-value");
  });

  it("stops with the curator's error when the data is broken", () => {
    const run = start({ KNOWLEDGE_DIR: "tests/fixtures/knowledge/bad-date" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/tests\/fixtures\/knowledge\/bad-date\/.*\.yml/);
  });

  it("refuses the console in production", () => {
    const run = start({ NODE_ENV: "production" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("NODE_ENV=production");
  });
});
