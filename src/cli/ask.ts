import { availableParallelism } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createAnswerEngine } from "../answers/engine.js";
import { answerNotices } from "../answers/freshness.js";
import { ASK_USAGE, KNOWLEDGE_LOAD_FAILED, MEANING_MODEL_UNAVAILABLE } from "../answers/messages.js";
import { renderAnswerText } from "../answers/render-text.js";
import type { Answer, AnswerEngine, AnsweredQuestion } from "../answers/types.js";
import { ConfigError, loadConfig } from "../config/env.js";
import { smallTalkAnswer, smallTalkOf } from "../conversation/converse.js";
import { smallTalkKind } from "../conversation/small-talk.js";
import { KnowledgeBaseError, loadKnowledgeBase } from "../knowledge/load.js";
import { loadMeaningModel } from "../matching/semantic/meaning-model.js";
import { DEFAULT_VECTOR_CACHE_DIR } from "../matching/semantic/vector-cache.js";

/** At most this many lines are answered at once: enough to batch, small enough to keep streaming. */
const JSONL_BATCH = 256;
/** Batches answered at once: two keep the model threads busy while this one reads the next. */
const BATCHES_IN_FLIGHT = 2;
/** Model threads for `--jsonl`: two cores halve a batch's time; more add memory (110 MB each) for less. */
const JSONL_THREADS = Math.min(2, availableParallelism());

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

/**
 * The answers to many questions, in order: small talk ("hi", "what can you do?") is answered as in Slack,
 * the rest by the engine in one batch. No conversation here, so no follow-ups.
 */
async function answersOf(engine: AnswerEngine, questions: readonly string[]): Promise<Answer[]> {
  const kinds = questions.map(smallTalkKind);
  const asked = await engine.askMany(questions.filter((_, index) => kinds[index] === null));
  let next = 0;
  return kinds.map((kind) => {
    if (kind !== null) return smallTalkAnswer(kind, engine);
    const answered = asked[next] as AnsweredQuestion;
    next += 1;
    return smallTalkOf(answered, engine)?.answer ?? answered.answer;
  });
}

/**
 * One JSON line per input line, in order. Lines that arrive together (a file piped in) are answered as a
 * batch, which the meaning model embeds at once; a line typed alone is answered at once.
 */
async function answerLines(engine: AnswerEngine): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let pending: string[] = [];
  let written = Promise.resolve();
  /** Batches being answered and not yet written, oldest first. */
  const inFlight: Promise<void>[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    // Answered at once, written in order: this thread reads the next batch while the model threads embed
    // this one, where one batch at a time left them waiting for it.
    const answered = answersOf(engine, batch);
    // A failure is thrown where the batch is written, in order; not reported early as unhandled.
    answered.catch(() => undefined);
    written = written.then(async () => {
      const answers = await answered;
      process.stdout.write(`${answers.map((answer) => JSON.stringify(answer)).join("\n")}\n`);
    });
    const done = written;
    inFlight.push(done);
    const settled = () => {
      inFlight.splice(inFlight.indexOf(done), 1);
    };
    done.then(settled, settled);
  };
  for await (const line of lines) {
    if (pending.length === 0) setImmediate(flush);
    pending.push(line);
    if (pending.length >= JSONL_BATCH) flush();
    // A file of any size: reading waits while BATCHES_IN_FLIGHT batches are being answered.
    while (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight[0];
  }
  flush();
  await written;
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
  // The model loads in its own threads while this one reads the data.
  const meaningLoading = loadMeaningModel(
    (error) => process.stderr.write(`${MEANING_MODEL_UNAVAILABLE} ${(error as Error).message}\n`),
    DEFAULT_VECTOR_CACHE_DIR,
    // Lines piped in are answered in batches: a model on each core embeds its share of a batch.
    { threads: mode.kind === "jsonl" ? JSONL_THREADS : 1 },
  );
  let engine: AnswerEngine;
  try {
    const kb = loadKnowledgeBase(knowledgeDir());
    engine = await createAnswerEngine(kb, { meaning: await meaningLoading });
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    process.stderr.write(`${KNOWLEDGE_LOAD_FAILED} ${error.message}\n`);
    await (await meaningLoading)?.close?.();
    return 1;
  }
  if (mode.kind === "jsonl") await answerLines(engine);
  else if (mode.kind === "json")
    process.stdout.write(`${JSON.stringify((await answersOf(engine, [mode.question]))[0])}\n`);
  else {
    const [answer] = (await answersOf(engine, [mode.question])) as [Answer];
    const notices = answerNotices(engine.kb, answer, { now: new Date(), staleAfterDays });
    process.stdout.write(`${renderAnswerText(answer, notices)}\n`);
  }
  return 0;
}

process.exitCode = await main();
