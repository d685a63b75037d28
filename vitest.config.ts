import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/warm-vectors.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Suites that share the PostgreSQL test database must not interleave.
    fileParallelism: true,
    pool: "forks",
  },
});
