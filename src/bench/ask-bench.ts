import { execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchQuestions as questionPool } from "../evaluation/evaluate.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const QUESTIONS = 1000;
const TARGET_MS = 10_000;

function benchQuestions(): string[] {
  const pool = questionPool(REPO_ROOT);
  // Every k-th question, so the sample mixes in-scope, out-of-scope and off-topic ones.
  const step = Math.max(1, Math.floor(pool.length / QUESTIONS));
  const picked: string[] = [];
  for (let index = 0; picked.length < QUESTIONS; index += step)
    // One line per question: a Slack message with line breaks is read as one.
    picked.push((pool[index % pool.length] as string).replace(/\s*\n\s*/g, " "));
  return picked;
}

interface Run {
  elapsedMs: number;
  lines: number;
  code: number | null;
}

/** Wall time of one command answering the questions on its stdin, start-up included. */
async function timeRun(command: string, args: readonly string[], questions: readonly string[]): Promise<Run> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    output += chunk;
  });
  child.stdin.end(`${questions.join("\n")}\n`);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const lines = output.split("\n").filter((line) => line !== "").length;
  return { elapsedMs: performance.now() - start, lines, code };
}

const RUNS = 3;

/**
 * Wall time of 1,000 questions through `ask --jsonl`, start-up included, three times each way: through
 * `npm run --silent ask` (tsx compiles the sources as it loads them) and through the built CLI, as
 * production runs it (`node dist/cli/ask.js`, built first with `npm run build`).
 */
export async function runAskBench(): Promise<void> {
  const questions = benchQuestions();
  // The built CLI must be the sources as they are now; a failed build throws with tsc's errors printed.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  const ways = [
    {
      name: "`npm run --silent ask -- --jsonl`",
      command: "npm",
      args: ["run", "--silent", "ask", "--", "--jsonl"],
    },
    { name: "`node dist/cli/ask.js --jsonl` (built)", command: "node", args: ["dist/cli/ask.js", "--jsonl"] },
  ];
  console.log("Ask bench");
  for (const way of ways) {
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await timeRun(way.command, way.args, questions));
    const times = runs.map((run) => `${run.elapsedMs.toFixed(0)} ms`).join(", ");
    const answered = runs.every((run) => run.code === 0 && run.lines === questions.length);
    console.log(
      `  ${questions.length} questions through ${way.name}: ${times} wall, start-up included ` +
        `(target < ${TARGET_MS} ms)${answered ? "" : "; NOT every run answered every line with exit code 0"}`,
    );
  }
}
