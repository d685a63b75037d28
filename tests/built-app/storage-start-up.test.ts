import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORAGE_MESSAGES } from "../../src/storage/messages.js";
import { describeDatabase } from "../../src/storage/postgres.js";
import { openSqliteStorage, SQLITE_FILE_NAME } from "../../src/storage/sqlite.js";
import { RefusingPostgres } from "../helpers/fake-postgres.js";
import { type BuiltApp, leakedSecrets, spawnBuiltApp } from "./built-app.js";

const BOT_TOKEN = "xoxb-storage-bot-token-2a7c";
const SIGNING_SECRET = "storage-signing-secret-8e1f";
const DB_PASSWORD = "pg-password-never-printed-5b3d";
/** Tests run as root, which ignores file permissions; the app then runs as `nobody`. */
const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Starts the built app with this storage setting; it must stop on its own. */
async function startStopped(storage: Record<string, string>, as: { uid?: number; gid?: number } = {}) {
  const app: BuiltApp = spawnBuiltApp({
    ...as,
    env: {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      // Storage opens before Slack is contacted: nothing listens here, and nothing should call it.
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      PORT: "0",
      DIGEST_CHECK_SECONDS: "3600",
      ...storage,
    },
  });
  try {
    const exit = await app.exitWithin(15_000);
    return {
      code: exit?.code,
      lines: app
        .stderr()
        .split("\n")
        .filter((line) => line.trim() !== ""),
      output: app.output(),
    };
  } finally {
    app.kill();
  }
}

describe("storage problems at start-up stop the built app with one line naming the setting and the cause", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "talks-storage-start-"));
    // Another user must be able to reach the folders inside (mkdtemp makes this one private).
    chmodSync(dir, 0o755);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("DATA_DIR is a file", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const run = await startStopped({ DATA_DIR: file });
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([STORAGE_MESSAGES.dataDirNotFolder(file, "EEXIST")]);
  }, 30_000);

  it("DATA_DIR is not writable", async () => {
    const readOnly = join(dir, "read-only");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const run = await startStopped({ DATA_DIR: readOnly }, asUnprivileged);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([STORAGE_MESSAGES.dataDirNotWritable(readOnly, "SQLITE_CANTOPEN")]);
  }, 30_000);

  it("the SQLite file is not a database", async () => {
    const dataDir = join(dir, "garbage");
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, SQLITE_FILE_NAME), "this is not a SQLite database, just text ".repeat(200));
    const run = await startStopped({ DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([STORAGE_MESSAGES.sqliteNotADatabase(join(dataDir, SQLITE_FILE_NAME))]);
  }, 30_000);

  it("the SQLite file has a few overwritten pages (found by the integrity check, not by a digest later)", async () => {
    const dataDir = join(dir, "damaged");
    const storage = openSqliteStorage({ dataDir });
    for (let n = 0; n < 30; n += 1) {
      await storage.subscribe({
        teamId: "T0001",
        channelId: `C${String(n).padStart(4, "0")}`,
        time: "09:00",
        timeZone: "UTC",
        createdBy: "U0001",
        now: new Date(),
        cadence: "daily",
      });
    }
    // Logged together: the store commits questions in batches.
    await Promise.all(
      Array.from({ length: 2_000 }, (_, n) =>
        storage.logQuestion({
          normalisedQuestion: `question number ${n} about the next round of talks`,
          entryId: null,
          closestEntryId: null,
          confidence: 0.1,
          answered: false,
          at: new Date(),
        }),
      ),
    );
    await storage.close();
    // The subscriptions' page and two pages of the question log: start-up itself (the schema, the
    // migrations table) still reads fine, and the app used to report healthy with them broken.
    const file = join(dataDir, SQLITE_FILE_NAME);
    const inspect = new Database(file, { readonly: true });
    const rootPage = (table: string) =>
      (
        inspect.prepare("SELECT rootpage FROM sqlite_schema WHERE name = ?").get(table) as {
          rootpage: number;
        }
      ).rootpage;
    const pages = [
      rootPage("digest_subscriptions"),
      rootPage("question_log") + 5,
      rootPage("question_log") + 6,
    ];
    const pageSize = inspect.pragma("page_size", { simple: true }) as number;
    inspect.close();
    const fd = openSync(file, "r+");
    for (const page of pages) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);

    const run = await startStopped({ DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(
      new RegExp(`^DATA_DIR holds ${file}, which is damaged \\(integrity check: `),
    );
  }, 30_000);

  it("PostgreSQL refuses the password (28P01), never printing it", async () => {
    const server = await new RefusingPostgres(
      "28P01",
      'password authentication failed for user "talks"',
    ).start();
    try {
      const url = server.url("talks", DB_PASSWORD, "talks");
      const run = await startStopped({ DATABASE_URL: url });
      expect(run.code).toBe(1);
      expect(run.lines).toEqual([STORAGE_MESSAGES.postgresLoginRefused(describeDatabase(url), "28P01")]);
      expect(leakedSecrets(run.output, [DB_PASSWORD, BOT_TOKEN, SIGNING_SECRET])).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 30_000);

  it.skipIf(process.env.TEST_DATABASE_URL === undefined)(
    "PostgreSQL has no such database (3D000)",
    async () => {
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.pathname = "/talks_no_such_database";
      const run = await startStopped({ DATABASE_URL: url.href });
      expect(run.code).toBe(1);
      expect(run.lines).toEqual([
        STORAGE_MESSAGES.postgresNoDatabase(describeDatabase(url.href), "talks_no_such_database"),
      ]);
    },
    30_000,
  );
});
