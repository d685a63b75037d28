import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type KnowledgeBase, KnowledgeBaseError, loadKnowledgeBase } from "../../src/knowledge/load.js";
import { loadKnowledgeBaseOffThread } from "../../src/knowledge/load-off-thread.js";

const FIXTURES = "tests/fixtures/knowledge";

/** Everything a knowledge base holds, as plain data (Maps as entry lists), for a deep comparison. */
const plain = (kb: KnowledgeBase) => ({
  ...kb,
  documents: [...kb.documents],
  entryById: [...kb.entryById],
  entryFingerprints: [...kb.entryFingerprints],
});

describe("loading the data in a worker thread", () => {
  it("gives the same knowledge base as loading it here, from the worker", async () => {
    const reasons: unknown[] = [];
    const kb = await loadKnowledgeBaseOffThread("data", { onMainThread: (reason) => reasons.push(reason) });
    expect(reasons).toEqual([]);
    expect(plain(kb)).toEqual(plain(loadKnowledgeBase("data")));
    expect(kb.entryById.get(kb.entries[0]?.id ?? "")).toBe(kb.entries[0]);
  });

  it("hands the entries over in slices, in order, with nothing lost", async () => {
    const kb = await loadKnowledgeBaseOffThread("data", { entriesPerSlice: 2 });
    expect(kb.entries.length).toBeGreaterThan(10);
    expect(plain(kb)).toEqual(plain(loadKnowledgeBase("data")));
  });

  const broken = readdirSync(FIXTURES).filter((name) => name !== "valid" && name !== "matcher");
  it.each(broken)("names the same file, entry and field for broken data (%s)", async (name) => {
    const dir = join(FIXTURES, name);
    let here: unknown;
    try {
      loadKnowledgeBase(dir);
    } catch (error) {
      here = error;
    }
    expect(here).toBeInstanceOf(KnowledgeBaseError);
    const reasons: unknown[] = [];
    const there = await loadKnowledgeBaseOffThread(dir, {
      onMainThread: (reason) => reasons.push(reason),
    }).catch((error: unknown) => error);
    expect(reasons, "read in the worker, not here").toEqual([]);
    expect(there).toBeInstanceOf(KnowledgeBaseError);
    const { file, entryId, field, problem, message } = there as KnowledgeBaseError;
    const expected = here as KnowledgeBaseError;
    expect({ file, entryId, field, problem, message }).toEqual({
      file: expected.file,
      entryId: expected.entryId,
      field: expected.field,
      problem: expected.problem,
      message: expected.message,
    });
  });
});
