import { monitorEventLoopDelay } from "node:perf_hooks";
import { createAnswerEngine } from "../answers/engine.js";
import type { AnswerEngine } from "../answers/types.js";
import { watchKnowledge } from "../curation/watch-knowledge.js";
import { timeSlices } from "../lifecycle/time-slices.js";
import type { MeaningModel } from "../matching/semantic/meaning-model.js";

const QUESTION = "Who leads the Russian delegation?";
const ASK_EVERY_MS = 20;

export interface ReloadFigures {
  reloadMs: number;
  longestStallMs: number;
  stallP99Ms: number;
  /** How long each question took while the previous version served, ascending. */
  askMs: number[];
  /**
   * Questions the previous version did not answer while the new one was read and built (the question is
   * one the data answers). The new version is not counted: it may be a release (like the bench's 10,000
   * copies of the curated entries) in which the question is no longer plain.
   */
  unanswered: number;
  /** The version served at the end. */
  served: AnswerEngine;
}

/**
 * Serves `dir` as the app does (watched, rebuilt in time slices on a reload), asks a question every
 * ASK_EVERY_MS, runs `change`, and measures until a new version serves: how long the event loop was held
 * at most, and how long questions took meanwhile (an ack waits for the event loop just as a question
 * does). For `npm run bench -- reload`, and for the test that holds a reload to a ceiling.
 */
export async function measureReload(
  dir: string,
  meaning: MeaningModel | null,
  change: () => void,
): Promise<ReloadFigures> {
  const logger = { info: () => undefined, error: () => undefined };
  const watch = await watchKnowledge<AnswerEngine>({
    dir,
    build: (kb, { reload }) => createAnswerEngine(kb, { meaning, pause: reload ? timeSlices() : undefined }),
    logger,
    debounceMs: 30,
  });
  const before = watch.current().kb.version;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const askMs: number[] = [];
  let unanswered = 0;
  let asking = true;
  let changed = false;
  const asker = (async () => {
    while (asking) {
      const engine = watch.current();
      const started = performance.now();
      const { answer } = await engine.ask(QUESTION);
      const previous = engine.kb.version === before;
      if (!answer.answered && previous) unanswered += 1;
      // Asked after the change, while the previous version still serves: the reload is what is measured,
      // not the new data nor the first question's compilation.
      if (changed && previous) askMs.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
    }
  })();
  delay.enable();
  // The histogram's timer starts on the loop's next turn: a stall before then would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  change();
  changed = true;
  while (watch.current().kb.version === before) await new Promise((resolve) => setTimeout(resolve, 20));
  const reloadMs = performance.now() - started;
  delay.disable();
  asking = false;
  await asker;
  const served = watch.current();
  watch.close();
  return {
    reloadMs,
    longestStallMs: delay.max / 1e6,
    stallP99Ms: delay.percentile(99) / 1e6,
    askMs: askMs.sort((a, b) => a - b),
    unanswered,
    served,
  };
}
