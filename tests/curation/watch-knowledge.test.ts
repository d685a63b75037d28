import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse, stringify } from "yaml";
import { type KnowledgeWatch, watchKnowledge } from "../../src/curation/watch-knowledge.js";
import { type KnowledgeBase, KnowledgeBaseError } from "../../src/knowledge/load.js";

/**
 * Generous: each reload reads the data in a worker thread, which from the TypeScript sources first
 * registers tsx (about a second, more on a busy machine). The built app's reloads are timed in
 * tests/built-app/hot-reload.test.ts.
 */
const RELOADED_WITHIN_MS = 10_000;

interface Served {
  version: string;
  kb: KnowledgeBase;
}

interface Logged {
  context: Record<string, unknown>;
  message: string;
}

describe("watching the data for a curator's edits", () => {
  let root: string;
  let dir: string;
  let watch: KnowledgeWatch<Served>;
  let errors: unknown[];
  let logged: Logged[];
  let builds: number;

  const qaFile = () => join(dir, "qa", "negotiations.yml");

  /** Rewrites the first entry of qa/negotiations.yml. */
  function editFirstEntry(change: (entry: Record<string, unknown>) => void): void {
    const file = parse(readFileSync(qaFile(), "utf8")) as { entries: Record<string, unknown>[] };
    const first = file.entries[0];
    if (first === undefined) throw new Error("fixture needs an entry");
    change(first);
    writeFileSync(qaFile(), stringify(file));
  }

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), "talks-watch-"));
    dir = join(root, "data");
    cpSync("tests/fixtures/knowledge/valid", dir, { recursive: true });
    errors = [];
    logged = [];
    builds = 0;
    watch = await watchKnowledge<Served>({
      dir,
      build: (kb) => {
        builds += 1;
        return { version: kb.version, kb };
      },
      onError: (error) => errors.push(error),
      logger: {
        info: () => undefined,
        error: (context, message) => logged.push({ context: context as Record<string, unknown>, message }),
      },
      debounceMs: 30,
      resolveEveryMs: 100,
    });
  });

  afterEach(() => {
    watch.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("serves an edited answer without a restart, swapped in whole", async () => {
    const before = watch.current();
    editFirstEntry((entry) => {
      entry.answer = `${String(entry.answer)} (edited)`;
    });
    await vi.waitFor(() => expect(watch.current().version).not.toBe(before.version), {
      timeout: RELOADED_WITHIN_MS,
    });
    const after = watch.current();
    const edited = after.kb.entries.find((entry) => entry.answer.endsWith("(edited)"));
    expect(edited).toBeDefined();
    expect(after.kb.entries).toHaveLength(before.kb.entries.length);
    expect(errors).toEqual([]);
  });

  it("keeps the old data serving when an edit breaks it, logs where, and serves the fix", async () => {
    const original = watch.current();
    let brokenId = "";
    editFirstEntry((entry) => {
      brokenId = String(entry.id);
      entry.asOf = "2025-02-30";
    });
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: RELOADED_WITHIN_MS });

    expect(watch.current()).toBe(original);
    const error = errors[0] as KnowledgeBaseError;
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    expect([error.entryId, error.field]).toEqual([brokenId, "asOf"]);
    expect(error.file.endsWith(join("qa", "negotiations.yml"))).toBe(true);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.context).toMatchObject({
      entryId: brokenId,
      field: "asOf",
      servingVersion: original.version,
    });
    expect(logged[0]?.message).toContain(error.message);

    editFirstEntry((entry) => {
      entry.asOf = "2025-07-23";
    });
    await vi.waitFor(() => expect(watch.current().version).not.toBe(original.version), {
      timeout: RELOADED_WITHIN_MS,
    });
    expect(watch.current().kb.entryById.get(brokenId)?.asOf).toBe("2025-07-23");
  });

  it("does not rebuild when a file is touched without changing the data", async () => {
    const before = builds;
    writeFileSync(qaFile(), readFileSync(qaFile()));
    writeFileSync(join(dir, "status.yml"), readFileSync(join(dir, "status.yml")));
    // Give the watcher time to react; nothing may be rebuilt.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(builds).toBe(before);
    expect(errors).toEqual([]);
  });

  it("refuses to start on broken data, saying where", async () => {
    writeFileSync(join(dir, "status.yml"), "summary: [unclosed");
    await expect(
      watchKnowledge({ dir, build: () => null, logger: { info: () => undefined, error: () => undefined } }),
    ).rejects.toThrow(KnowledgeBaseError);
  });
});

/** A copy of the valid fixture whose first entry's answer ends with `mark`. */
function release(root: string, name: string, mark: string): string {
  const dir = join(root, name);
  cpSync("tests/fixtures/knowledge/valid", dir, { recursive: true });
  const path = join(dir, "qa", "negotiations.yml");
  const file = parse(readFileSync(path, "utf8")) as { entries: Record<string, unknown>[] };
  const first = file.entries[0] as Record<string, unknown>;
  first.answer = `${String(first.answer)} (${mark})`;
  writeFileSync(path, stringify(file));
  return dir;
}

/** The answer `release` marked, with its mark. */
const answerOf = (kb: KnowledgeBase) =>
  kb.entries.find((entry) => /\((v\d+)(, edited)?\)$/.test(entry.answer))?.answer ?? "";

describe("switching the whole data folder, as a release does", () => {
  let root: string;
  let watch: KnowledgeWatch<KnowledgeBase> | null = null;
  const quiet = { info: () => undefined, error: () => undefined };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "talks-release-"));
  });
  afterEach(() => {
    watch?.close();
    watch = null;
    rmSync(root, { recursive: true, force: true });
  });

  const start = async (dir: string) => {
    watch = await watchKnowledge({
      dir,
      build: (kb) => kb,
      logger: quiet,
      debounceMs: 30,
      resolveEveryMs: 100,
    });
    return watch;
  };

  /** After the switch, an in-place edit of the new folder must be picked up too. */
  async function expectServedThenEditable(served: KnowledgeWatch<KnowledgeBase>, dir: string, mark: string) {
    await vi.waitFor(() => expect(answerOf(served.current())).toContain(`(${mark})`), {
      timeout: RELOADED_WITHIN_MS,
    });
    const path = join(dir, "qa", "negotiations.yml");
    writeFileSync(path, readFileSync(path, "utf8").replace(`(${mark})`, `(${mark}, edited)`));
    await vi.waitFor(() => expect(answerOf(served.current())).toContain(`(${mark}, edited)`), {
      timeout: RELOADED_WITHIN_MS,
    });
  }

  it("picks up a rename swap (mv data data.old; mv data.new data), then edits", async () => {
    const dir = release(root, "data", "v1");
    const served = await start(dir);
    release(root, "data.new", "v2");
    renameSync(dir, join(root, "data.old"));
    renameSync(join(root, "data.new"), dir);
    await expectServedThenEditable(served, dir, "v2");
  });

  it("picks up the folder deleted and created again, then edits", async () => {
    const dir = release(root, "data", "v1");
    const served = await start(dir);
    rmSync(dir, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answerOf(served.current())).toContain("(v1)");
    release(root, "data", "v2");
    await expectServedThenEditable(served, dir, "v2");
  });

  it("picks up an atomic symlink switch, then edits", async () => {
    const v1 = release(root, "release-1", "v1");
    const v2 = release(root, "release-2", "v2");
    const link = join(root, "data");
    symlinkSync(v1, link);
    const served = await start(link);
    symlinkSync(v2, join(root, "data.next"));
    renameSync(join(root, "data.next"), link);
    await expectServedThenEditable(served, v2, "v2");
  });
});

describe("an asynchronous build", () => {
  let root: string;
  let dir: string;
  let watch: KnowledgeWatch<string> | null = null;
  let logged: string[];
  const logger = { info: () => undefined, error: (_: object, message: string) => logged.push(message) };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "talks-build-"));
    dir = release(root, "data", "v1");
    logged = [];
  });
  afterEach(() => {
    watch?.close();
    watch = null;
    rmSync(root, { recursive: true, force: true });
  });

  const edit = (mark: string) => {
    const path = join(dir, "qa", "negotiations.yml");
    writeFileSync(path, readFileSync(path, "utf8").replace(/\((v\d+)\)/, `(${mark})`));
  };

  it("keeps serving the previous version until the new one is built", async () => {
    let finishBuild: (() => void) | null = null;
    watch = await watchKnowledge({
      dir,
      build: async (kb) =>
        answerOf(kb).includes("(v1)")
          ? "v1"
          : new Promise<string>((resolve) => {
              finishBuild = () => resolve("v2");
            }),
      logger,
      debounceMs: 30,
    });
    edit("v2");
    await vi.waitFor(() => expect(finishBuild).not.toBeNull(), { timeout: RELOADED_WITHIN_MS });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watch.current()).toBe("v1");
    (finishBuild as (() => void) | null)?.();
    await vi.waitFor(() => expect(watch?.current()).toBe("v2"), { timeout: RELOADED_WITHIN_MS });
  });

  it("logs a build that rejects like broken data and keeps the previous version", async () => {
    const errors: unknown[] = [];
    watch = await watchKnowledge({
      dir,
      build: async (kb) => {
        if (answerOf(kb).includes("(v2)")) throw new Error("index build failed");
        return "v1";
      },
      onError: (error) => errors.push(error),
      logger,
      debounceMs: 30,
    });
    edit("v2");
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: RELOADED_WITHIN_MS });
    expect(logged).toEqual(["data not reloaded: index build failed"]);
    expect(watch.current()).toBe("v1");
  });

  it("serves an edit made during a slow build once that build is done, and never the earlier one after it", async () => {
    let v2Building = false;
    watch = await watchKnowledge({
      dir,
      build: async (kb) => {
        const answer = answerOf(kb);
        const mark = answer.includes("(v2)") ? "v2" : answer.includes("(v3)") ? "v3" : "v1";
        if (mark === "v2") {
          v2Building = true;
          await new Promise((resolve) => setTimeout(resolve, 600));
        }
        return mark;
      },
      logger,
      debounceMs: 30,
    });
    edit("v2");
    await vi.waitFor(() => expect(v2Building).toBe(true), { timeout: RELOADED_WITHIN_MS });
    edit("v3");
    await vi.waitFor(() => expect(watch?.current()).toBe("v3"), { timeout: RELOADED_WITHIN_MS });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(watch.current()).toBe("v3");
  });
});
