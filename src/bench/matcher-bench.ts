import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { matcherInputs } from "../answers/matcher-inputs.js";
import { benchQuestions } from "../evaluation/evaluate.js";
import { loadKnowledgeBase } from "../knowledge/load.js";
import { DECISION_MODELS } from "../matching/decision/models.js";
import type { MatchableEntry } from "../matching/index.js";
import { createMatcher, type Matcher } from "../matching/matcher.js";
import { normaliseWords } from "../matching/normalise.js";
import { type Embedder, loadSentenceEncoder } from "../matching/semantic/embedder.js";
import type { MeaningModel } from "../matching/semantic/meaning-model.js";
import { cachingEmbedder } from "../matching/semantic/vector-cache.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GENERATED_ENTRIES = 10_000;
const TARGET_P99_CURATED_MS = 50;
const TARGET_P99_GENERATED_MS = 50;

/** A small seeded generator, so every run benches the same corpus. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

/**
 * A speed corpus of `count` entries built by recombining the curated vocabulary: skewed word frequencies
 * and alternates that share words, like real entries. No facts: it is never shown to anyone.
 */
export function generateEntries(vocabulary: readonly string[], count: number, seed = 7): MatchableEntry[] {
  const random = seededRandom(seed);
  // Squaring skews picks toward the front: a few words are everywhere, most are rare, as in real text.
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)] as string;
  const sentence = (words: readonly string[], length: number) =>
    Array.from({ length }, () => words[Math.floor(random() * words.length)] as string).join(" ");
  return Array.from({ length: count }, (_, index) => {
    const topic = Array.from({ length: 10 }, word);
    return {
      id: `generated-${index}`,
      question: `${sentence(topic, 6)}?`,
      alternates: Array.from({ length: 15 }, () => sentence(topic, 3 + Math.floor(random() * 5))),
      unanswered: [],
      tags: topic.slice(0, 3),
      answer: sentence([...topic, ...Array.from({ length: 10 }, word)], 25),
      evidence: sentence(topic, 12),
    };
  });
}

/** Questions like users type them: a phrasing missing a word, sometimes with a typo. */
function perturbedQuestions(entries: readonly MatchableEntry[], count: number, seed = 11): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const entry = entries[Math.floor(random() * entries.length)] as MatchableEntry;
    const words = entry.alternates[Math.floor(random() * entry.alternates.length)]?.split(" ") ?? [];
    if (words.length > 2) words.splice(Math.floor(random() * words.length), 1);
    const typo = Math.floor(random() * words.length);
    const target = words[typo];
    if (random() < 0.3 && target !== undefined && target.length > 4) {
      words[typo] = `${target.slice(0, 2)}${target[3]}${target[2]}${target.slice(4)}`;
    }
    return words.join(" ");
  });
}

async function timeQueries(
  matcher: Matcher,
  questions: readonly string[],
): Promise<{ p50: number; p99: number }> {
  const timings: number[] = [];
  for (const question of questions) {
    const start = performance.now();
    await matcher.match(question);
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 0.5), p99: percentile(timings, 0.99) };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/**
 * Matching speed: one question at a time, as the bot answers them, on the curated data with the meaning
 * model (loading it, building the index with a cold and a warm vector cache) and words alone; then by
 * words alone on a generated corpus of 10,000 entries (embedding 150,000 generated phrasings would take
 * an hour and say nothing a curator will meet).
 */
export async function runMatcherBench(): Promise<void> {
  const kb = loadKnowledgeBase(join(REPO_ROOT, "data"));
  const inputs = matcherInputs(kb);
  const realQuestions = benchQuestions(REPO_ROOT);
  const sample = realQuestions.filter((_, index) => index % 3 === 0);
  console.log("Matcher bench");

  const rssBefore = process.memoryUsage().rss;
  const encoder = await timed(() => loadSentenceEncoder());
  const cold = await timed(() =>
    createMatcher(kb.entries, {
      ...inputs,
      models: DECISION_MODELS,
      meaning: meaningOf(encoder.value, null),
    }),
  );
  const cacheDir = mkdtempSync(join(tmpdir(), "talks-vectors-"));
  const cached = meaningOf(encoder.value, cacheDir);
  await createMatcher(kb.entries, { ...inputs, models: DECISION_MODELS, meaning: cached });
  const warm = await timed(() =>
    createMatcher(kb.entries, { ...inputs, models: DECISION_MODELS, meaning: cached }),
  );
  rmSync(cacheDir, { recursive: true, force: true });
  const matcher = warm.value;
  await timeQueries(matcher, sample.slice(0, 50));
  const withMeaning = await timeQueries(matcher, sample);
  const rssAfter = process.memoryUsage().rss;
  console.log(
    `  curated (${kb.entries.length} entries), with the meaning model: load ${ms(encoder.ms)}; index build ` +
      `${ms(cold.ms)} with no vector cache, ${ms(warm.ms)} with it; ${sample.length} questions one at a time ` +
      `p50 ${ms(withMeaning.p50)} p99 ${ms(withMeaning.p99)} (target p99 ≤ ${TARGET_P99_CURATED_MS} ms); ` +
      `rss +${mib(rssAfter - rssBefore)}`,
  );
  const wordsOnly = await timed(() =>
    createMatcher(kb.entries, { ...inputs, models: DECISION_MODELS, meaning: null }),
  );
  await timeQueries(wordsOnly.value, sample.slice(0, 50));
  const words = await timeQueries(wordsOnly.value, sample);
  console.log(
    `  curated, words alone: index build ${ms(wordsOnly.ms)}; p50 ${ms(words.p50)} p99 ${ms(words.p99)}`,
  );

  const vocabulary = [
    ...new Set(
      kb.entries.flatMap((entry) =>
        [entry.question, ...entry.alternates, entry.answer].flatMap((text) => normaliseWords(text)),
      ),
    ),
  ];
  const generated = generateEntries(vocabulary, GENERATED_ENTRIES);
  const before = process.memoryUsage();
  const large = await timed(() =>
    createMatcher(generated, { ...inputs, entities: kb.entities, models: DECISION_MODELS, meaning: null }),
  );
  const after = process.memoryUsage();
  const questions = [...perturbedQuestions(generated, 1000), ...sample];
  await timeQueries(large.value, perturbedQuestions(generated, 200, 13));
  const largeTimes = await timeQueries(large.value, questions);
  console.log(
    `  generated (${large.value.size} entries), words alone: index build ${ms(large.ms)}; ` +
      `${questions.length} questions p50 ${ms(largeTimes.p50)} p99 ${ms(largeTimes.p99)} ` +
      `(target p99 ≤ ${TARGET_P99_GENERATED_MS} ms); heapUsed +${mib(after.heapUsed - before.heapUsed)}, ` +
      `rss +${mib(after.rss - before.rss)}`,
  );
}

function meaningOf(encoder: Embedder, cacheDir: string | null): MeaningModel {
  return { questions: encoder, entries: cachingEmbedder(encoder, cacheDir) };
}
