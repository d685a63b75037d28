import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrations, SCHEMA_MIGRATIONS_TABLE } from "../../src/storage/migrations.js";
import { openStorage } from "../../src/storage/open.js";
import { openSqliteStorage, QUESTION_BATCH_WINDOW_MS, SQLITE_FILE_NAME } from "../../src/storage/sqlite.js";
import { sqliteHarness } from "../helpers/storage-harness.js";
import { storageContract } from "./storage-contract.js";

function tempDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), "talks-sqlite-")), "var");
}

describe("SQLite storage", () => {
  storageContract(sqliteHarness);
});

describe("SQLite set-up", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(join(dir, ".."), { recursive: true, force: true });
  });

  it("creates the data folder and its database file on first start, in WAL mode", async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    expect(existsSync(dataDir)).toBe(false);
    const storage = await openStorage({ dataDir });
    expect(storage.kind).toBe("sqlite");
    await storage.close();
    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("applies each migration once and keeps the data across restarts", async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = openSqliteStorage({ dataDir });
    await first.subscribe({
      teamId: "T1",
      channelId: "C1",
      time: "09:00",
      timeZone: "UTC",
      cadence: null,
      createdBy: "U1",
      now: new Date("2025-07-22T00:00:00Z"),
    });
    await first.close();

    const second = openSqliteStorage({ dataDir });
    expect(await second.getSubscription("C1")).toMatchObject({ channelId: "C1", time: "09:00" });
    await second.close();

    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").all();
    db.close();
    expect(versions).toEqual(migrations.map((migration) => ({ version: migration.version })));
  });

  const question = (normalisedQuestion: string) => ({
    teamId: "T1",
    normalisedQuestion,
    entryId: "next-round",
    closestEntryId: "next-round",
    confidence: 0.9,
    answered: true,
    at: new Date("2025-07-22T12:00:00Z"),
  });

  function rowsOnDisk(dataDir: string): string[] {
    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    const rows = db.prepare("SELECT normalised_question FROM question_log ORDER BY id").pluck().all();
    db.close();
    return rows as string[];
  }

  it("commits logged questions together, behind the reply, within QUESTION_BATCH_WINDOW_MS", async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const storage = openSqliteStorage({ dataDir });
    const started = Date.now();
    const logged = Promise.all(["one", "two", "three"].map((text) => storage.logQuestion(question(text))));
    // Not yet on disk: the three wait for the window and go in one transaction.
    expect(rowsOnDisk(dataDir)).toEqual([]);
    await logged;
    expect(Date.now() - started).toBeLessThan(QUESTION_BATCH_WINDOW_MS + 1_000);
    expect(rowsOnDisk(dataDir)).toEqual(["one", "two", "three"]);
    await storage.close();
  });

  it("lets a read see questions still waiting for their batch, and commits them on close", async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const storage = openSqliteStorage({ dataDir });
    void storage.logQuestion(question("asked just now"));
    const since = new Date("2025-07-22T00:00:00Z");
    expect((await storage.questionsSince(since)).map((record) => record.normalisedQuestion)).toEqual([
      "asked just now",
    ]);
    const pending = storage.logQuestion(question("asked as the bot stops"));
    await storage.close();
    await pending;
    expect(rowsOnDisk(dataDir)).toEqual(["asked just now", "asked as the bot stops"]);
  });

  it("upgrades a database made before cadences: its subscriptions become changes only, its digests full ones", async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    mkdirSync(dataDir, { recursive: true });
    const old = new Database(join(dataDir, SQLITE_FILE_NAME));
    old.exec(SCHEMA_MIGRATIONS_TABLE);
    for (const migration of migrations.filter((step) => step.version < 3)) {
      old.exec(migration.sqlite);
      old.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(migration.version, migration.name, 0);
    }
    old.exec(`
      INSERT INTO digest_subscriptions VALUES ('C1', 'T1', '09:00', 'UTC', 1, NULL, 'U1', 0);
      INSERT INTO digest_deliveries VALUES ('C1', '2025-07-21', 'delivered', 'a', 0, 0, '1.1', '{}');
    `);
    old.close();

    const storage = openSqliteStorage({ dataDir });
    expect(await storage.getSubscription("C1")).toMatchObject({ cadence: "changes", time: "09:00" });
    expect(await storage.latestDelivery("C1", ["digest"])).toMatchObject({
      localDate: "2025-07-21",
      kind: "digest",
    });
    await storage.close();
  });
});
