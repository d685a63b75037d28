import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Runs the benchmarks in src/bench/: every `run…Bench` function each `<name>-bench.ts` exports, or only
 * those of one file with `npm run bench -- <name>`. Benchmarks print figures; they never assert timings.
 */
const BENCH_DIR = new URL("../bench/", import.meta.url);

async function main(): Promise<number> {
  const available = readdirSync(fileURLToPath(BENCH_DIR))
    .filter((file) => file.endsWith("-bench.ts"))
    .map((file) => file.slice(0, -"-bench.ts".length))
    .sort();
  const wanted = process.argv[2];
  const names = wanted === undefined ? available : available.filter((name) => name === wanted);
  if (names.length === 0) {
    process.stderr.write(`Unknown bench "${wanted}". Available: ${available.join(", ")}\n`);
    return 2;
  }
  for (const name of names) {
    const module = (await import(new URL(`${name}-bench.ts`, BENCH_DIR).href)) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module)) {
      if (/^run\w*Bench$/.test(exported) && typeof value === "function") await value();
    }
  }
  return 0;
}

process.exitCode = await main();
