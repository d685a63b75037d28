import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createAnswerEngine } from "../answers/engine.js";
import { answerNotices } from "../answers/freshness.js";
import { ASK_USAGE, KNOWLEDGE_LOAD_FAILED } from "../answers/messages.js";
import { renderAnswerText } from "../answers/render-text.js";
import type { AnswerEngine } from "../answers/types.js";
import { ConfigError, loadConfig } from "../config/env.js";
import { KnowledgeBaseError, loadKnowledgeBase } from "../knowledge/load.js";

type Mode = { kind: "text" | "json"; question: string } | { kind: "jsonl" };

/** Parses argv (after the script name); null means bad usage. */
function parseArguments(args: readonly string[]): Mode | null {
  const flags = args.filter((arg) => arg.startsWith("--"));
  const words = args.filter((arg) => !arg.startsWith("--"));
  if (flags.some((flag) => flag !== "--json" && flag !== "--jsonl") || flags.length > 1) return null;
  if (flags[0] === "--jsonl") return words.length === 0 ? { kind: "jsonl" } : null;
  if (words.length === 0) return null;
  // Unquoted words are one question: `ask -- is there a ceasefire` works too.
  return { kind: flags[0] === "--json" ? "json" : "text", question: words.join(" ") };
}

function knowledgeDir(): string {
  const fromEnv = process.env.KNOWLEDGE_DIR;
  if (fromEnv !== undefined && fromEnv.trim() !== "") return fromEnv;
  return fileURLToPath(new URL("../../data/", import.meta.url));
}

async function answerLines(engine: AnswerEngine): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const out: string[] = [];
  for await (const line of lines) {
    out.push(JSON.stringify(engine.ask(line).answer));
    // Flush in batches: one write per question is slow, one write at the end never streams.
    if (out.length >= 100) process.stdout.write(`${out.splice(0).join("\n")}\n`);
  }
  if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
}

async function main(): Promise<number> {
  const mode = parseArguments(process.argv.slice(2));
  if (mode === null) {
    process.stderr.write(`${ASK_USAGE}\n`);
    return 2;
  }
  let staleAfterDays: number;
  try {
    // Only the variable ask uses: Slack settings, set or not, are no concern of an offline answer.
    ({ staleAfterDays } = loadConfig({ STALE_AFTER_DAYS: process.env.STALE_AFTER_DAYS }));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  let engine: AnswerEngine;
  try {
    engine = createAnswerEngine(loadKnowledgeBase(knowledgeDir()));
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    process.stderr.write(`${KNOWLEDGE_LOAD_FAILED} ${error.message}\n`);
    return 1;
  }
  if (mode.kind === "jsonl") await answerLines(engine);
  else if (mode.kind === "json")
    process.stdout.write(`${JSON.stringify(engine.ask(mode.question).answer)}\n`);
  else {
    const { answer } = engine.ask(mode.question);
    const notices = answerNotices(engine.kb, answer, { now: new Date(), staleAfterDays });
    process.stdout.write(`${renderAnswerText(answer, notices)}\n`);
  }
  return 0;
}

process.exitCode = await main();
