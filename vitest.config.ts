import { defineConfig } from "vitest/config";

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
  },
});
