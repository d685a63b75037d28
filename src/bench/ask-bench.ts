import { spawn } from "node:child_process";
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

/** Wall time of `npm run --silent ask -- --jsonl` answering 1,000 questions, start-up included. */
export async function runAskBench(): Promise<void> {
  const questions = benchQuestions();
  const start = performance.now();
  const child = spawn("npm", ["run", "--silent", "ask", "--", "--jsonl"], {
    cwd: REPO_ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    output += chunk;
  });
  child.stdin.end(`${questions.join("\n")}\n`);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const elapsed = performance.now() - start;
  const lines = output.split("\n").filter((line) => line !== "").length;
  console.log("Ask bench");
  console.log(
    `  ${questions.length} questions through \`npm run --silent ask -- --jsonl\`: ${elapsed.toFixed(0)} ms ` +
      `wall, start-up included (target < ${TARGET_MS} ms); ${lines} answer lines, exit code ${code}`,
  );
}
