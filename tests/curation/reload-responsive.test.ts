import { cpSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { writeMoreEntries } from "../../src/bench/large-knowledge.js";
import { measureReload } from "../../src/bench/measure-reload.js";

// Issue 11: a release of 10,000 entries used to hold the event loop for the whole reload (seconds of YAML
// parsing, checks and index building), so no request was acked meanwhile. Now the files are read in a
// worker thread and the index is built in slices. The bound is loose on purpose: a busy CI machine may
// stall any process for a moment, but never for the seconds a reload takes; `npm run bench -- reload`
// prints the real figures.
const MORE_ENTRIES = 10_000;
const LONGEST_STALL_MS = 1_000;

let root: string | undefined;

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

it("answers questions throughout a release of 10,000 more entries, the event loop never held for long", async () => {
  root = mkdtempSync(join(tmpdir(), "talks-reload-"));
  const dir = join(root, "data");
  const release = join(root, "release");
  cpSync("data", dir, { recursive: true });
  cpSync("data", release, { recursive: true });
  writeMoreEntries(release, MORE_ENTRIES);

  // Questions keep coming while the new version loads and builds: the previous one answers them.
  const figures = await measureReload(dir, null, () => {
    renameSync(dir, join(root as string, "previous"));
    renameSync(release, dir);
  });

  console.info(
    `release of ${MORE_ENTRIES} entries: the event loop's longest stall was ${figures.longestStallMs.toFixed(0)} ms`,
  );
  expect(figures.longestStallMs).toBeLessThan(LONGEST_STALL_MS);
  expect(figures.askMs.length).toBeGreaterThan(10);
  expect(figures.unanswered).toBe(0);
  // The new version serves, and places a question on its new entries. (By words alone, among 300 copies
  // of each entry it answers no question outright: it offers the closest copy.)
  expect(figures.served.kb.entryById.has("russian-delegation-variant-7")).toBe(true);
  const { answer } = await figures.served.ask("Who leads the Russian delegation variant 7?");
  expect(answer.answered ? answer.id : answer.suggestions[0]?.id).toBe("russian-delegation-variant-7");
}, 180_000);
