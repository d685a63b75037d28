import { type Embedder, loadSentenceEncoder } from "./embedder.js";
import { cachingEmbedder, DEFAULT_VECTOR_CACHE_DIR } from "./vector-cache.js";

/**
 * The meaning signal's model, as the matcher uses it: questions are embedded as they come; the curated
 * texts through a cache on disk, so a start or a reload embeds only what changed.
 */
export interface MeaningModel {
  questions: Embedder;
  entries: Embedder;
}

/**
 * Loads the sentence encoder once per process (every data version shares it). When it cannot load, the
 * reason goes to `unavailable` and the result is null: the bot then matches by words alone.
 */
export async function loadMeaningModel(
  unavailable: (error: unknown) => void,
  cacheDir: string | null = DEFAULT_VECTOR_CACHE_DIR,
): Promise<MeaningModel | null> {
  try {
    const encoder = await loadSentenceEncoder();
    return { questions: encoder, entries: cachingEmbedder(encoder, cacheDir) };
  } catch (error) {
    unavailable(error);
    return null;
  }
}
