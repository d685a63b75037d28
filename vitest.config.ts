import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The slowest files, slowest first (seconds in a fresh clone on two cores, `CI=true bash .ci/run`):
 * started first, so that none is left running alone at the end while the other worker idles (in a
 * fresh clone Vitest has no durations yet, and reload-responsive, started last, added 46 s).
 */
const SLOWEST_FIRST = [
  "tests/cli/draft.test.ts", // 67
  "tests/cli/ask.test.ts", // 60
  "tests/evaluation/eval.test.ts", // 55
  "tests/evaluation/small-talk.test.ts", // 51
  "tests/built-app/start-up.test.ts", // 47
  "tests/curation/reload-responsive.test.ts", // 46
  "tests/hostile/hostile-input.test.ts", // 41
  "tests/built-app/logging.test.ts", // 35
];

class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const position = SLOWEST_FIRST.findIndex((slow) => file.moduleId.endsWith(slow));
      return position === -1 ? SLOWEST_FIRST.length : position;
    };
    // A stable sort: every other file keeps Vitest's own order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/warm-vectors.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Files run two at a time even on two cores (Vitest's default would be one): many wait on spawned
    // apps, timers and loopback I/O. PostgreSQL suites each get a schema of their own
    // (tests/helpers/postgres.ts), so they may interleave.
    fileParallelism: true,
    maxWorkers: 2,
    pool: "forks",
    sequence: { sequencer: SlowestFirstSequencer },
  },
});
