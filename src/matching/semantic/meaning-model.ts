import type { Embedder } from "./embedder.js";
import { loadSentenceEncoderOffThread, type OffThreadOptions } from "./encoder-off-thread.js";
import { cachingEmbedder, DEFAULT_VECTOR_CACHE_DIR, rememberingEmbedder } from "./vector-cache.js";

/**
 * Question vectors kept in memory (2 KB each): more than a batch of `ask --jsonl` reads (256 lines, a few
 * readings each), so its small-talk pass finds every vector the matcher made.
 */
const RECENT_QUESTIONS = 4096;

/**
 * The meaning signal's model, as the matcher uses it: questions are embedded as they come; the curated
 * texts through a cache on disk, so a start or a reload embeds only what changed.
 */
export interface MeaningModel {
  questions: Embedder;
  entries: Embedder;
  /** Ends the model's worker thread, where it has one: every embedding after this rejects. */
  close?(): Promise<void>;
}

/**
 * Loads the sentence encoder once per process (every data version shares it), in a worker thread: the
 * model's work never holds up the event loop. When it cannot load, the reason goes to `unavailable` and
 * the result is null: the bot then matches by words alone.
 */
export async function loadMeaningModel(
  unavailable: (error: unknown) => void,
  cacheDir: string | null = DEFAULT_VECTOR_CACHE_DIR,
  options: OffThreadOptions = {},
): Promise<MeaningModel | null> {
  try {
    const encoder = await loadSentenceEncoderOffThread(options);
    return {
      questions: rememberingEmbedder(encoder, RECENT_QUESTIONS),
      entries: cachingEmbedder(encoder, cacheDir),
      close: () => encoder.close(),
    };
  } catch (error) {
    unavailable(error);
    return null;
  }
}
