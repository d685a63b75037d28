import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse, stringify } from "yaml";
import { type KnowledgeWatch, watchKnowledge } from "../../src/curation/watch-knowledge.js";
import { type KnowledgeBase, KnowledgeBaseError } from "../../src/knowledge/load.js";

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
    await vi.waitFor(() => expect(watch.current().version).not.toBe(before.version), { timeout: 3_000 });
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
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 3_000 });

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
    await vi.waitFor(() => expect(watch.current().version).not.toBe(original.version), { timeout: 3_000 });
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
