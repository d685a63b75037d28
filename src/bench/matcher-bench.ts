import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchQuestions } from "../evaluation/evaluate.js";
import { loadKnowledgeBase } from "../knowledge/load.js";
import type { MatchableEntry } from "../matching/index.js";
import { createMatcher, type Matcher } from "../matching/matcher.js";
import { normaliseWords } from "../matching/normalise.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GENERATED_ENTRIES = 10_000;
const TARGET_P99_CURATED_MS = 1;
const TARGET_P99_GENERATED_MS = 15;

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

function timeQueries(matcher: Matcher, questions: readonly string[]): { p50: number; p99: number } {
  const timings: number[] = [];
  for (const question of questions) {
    const start = performance.now();
    matcher.match(question);
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 0.5), p99: percentile(timings, 0.99) };
}

const ms = (value: number) => `${value.toFixed(3)} ms`;
const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

export async function runMatcherBench(): Promise<void> {
  const kb = loadKnowledgeBase(join(REPO_ROOT, "data"));
  const realQuestions = benchQuestions(REPO_ROOT);
  const extraVocabulary = [...kb.documents.values()].map((document) => document.text);

  console.log("Matcher bench");
  let start = performance.now();
  const curated = createMatcher(kb.entries, { extraVocabulary });
  const curatedBuild = performance.now() - start;
  // A running bot is JIT-warm; the first pass then measures questions it has never seen (cold spelling
  // cache), the steady pass the same questions again.
  timeQueries(
    curated,
    kb.entries.flatMap((entry) => [entry.question, ...entry.alternates]),
  );
  const cold = timeQueries(curated, realQuestions);
  const warm = timeQueries(curated, realQuestions);
  console.log(
    `  curated (${kb.entries.length} entries, ${realQuestions.length} questions): build ${ms(curatedBuild)}; ` +
      `first pass (unseen questions) p50 ${ms(cold.p50)} p99 ${ms(cold.p99)}; ` +
      `steady p50 ${ms(warm.p50)} p99 ${ms(warm.p99)} (target p99 < ${TARGET_P99_CURATED_MS} ms)`,
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
  start = performance.now();
  const large = createMatcher(generated, { extraVocabulary });
  const largeBuild = performance.now() - start;
  const after = process.memoryUsage();
  const questions = [...perturbedQuestions(generated, 2000), ...realQuestions];
  timeQueries(large, perturbedQuestions(generated, 500, 13));
  const largeCold = timeQueries(large, questions);
  const largeWarm = timeQueries(large, questions);
  console.log(
    `  generated (${large.size} entries, ${questions.length} questions): build ${ms(largeBuild)}; ` +
      `first pass (unseen questions) p50 ${ms(largeCold.p50)} p99 ${ms(largeCold.p99)}; ` +
      `steady p50 ${ms(largeWarm.p50)} p99 ${ms(largeWarm.p99)} (target p99 < ${TARGET_P99_GENERATED_MS} ms)`,
  );
  console.log(
    `  memory for the 10,000-entry index: heapUsed +${mib(after.heapUsed - before.heapUsed)}, ` +
      `rss +${mib(after.rss - before.rss)}`,
  );
}
