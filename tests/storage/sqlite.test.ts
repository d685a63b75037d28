import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../src/storage/migrations.js";
import { openStorage } from "../../src/storage/open.js";
import { openSqliteStorage, SQLITE_FILE_NAME } from "../../src/storage/sqlite.js";
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
});
