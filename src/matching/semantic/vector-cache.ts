import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { appendFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LRUCache } from "lru-cache";
import type { Embedder, EmbedOptions } from "./embedder.js";

/**
 * Where vectors are kept between runs by default: the package's own `node_modules/.cache`, the place
 * build tools keep such things, shared by every process of one checkout (the bot, `ask`, the tests).
 */
export const DEFAULT_VECTOR_CACHE_DIR = fileURLToPath(
  new URL("../../../node_modules/.cache/talks-bot/", import.meta.url),
);

/** One line of the cache file: sha256 of the text (hex, 32 characters), the float32 vector in base64. */
interface CacheLine {
  k: string;
  v: string;
}

const keyOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

function readCache(file: string): Map<string, Float32Array> {
  const vectors = new Map<string, Float32Array>();
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // Missing or unreadable: a cache, so start empty and rebuild.
    return vectors;
  }
  for (const line of text.split("\n")) {
    if (line === "") continue;
    let parsed: Partial<CacheLine> | null;
    try {
      parsed = JSON.parse(line) as Partial<CacheLine> | null;
    } catch {
      // A line cut short (a process stopped mid-write) costs that one vector, embedded again.
      continue;
    }
    if (typeof parsed?.k !== "string" || typeof parsed.v !== "string") continue;
    const bytes = Buffer.from(parsed.v, "base64");
    vectors.set(parsed.k, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice());
  }
  return vectors;
}

/**
 * Every text's vector, in order: those `known` has, and the rest embedded once each (a text repeated in
 * `texts` is embedded once) and handed to `keep`. `known` is asked once per text, before any `keep`: a
 * bounded store must not drop a vector between its lookup and the answer.
 */
async function embedMissing(
  embedder: Embedder,
  texts: readonly string[],
  options: EmbedOptions | undefined,
  known: (text: string) => Float32Array | undefined,
  keep: (fresh: ReadonlyMap<string, Float32Array>) => Promise<void> | void,
): Promise<Float32Array[]> {
  const vectors = new Map<string, Float32Array>();
  for (const text of texts) {
    const vector = known(text);
    if (vector !== undefined) vectors.set(text, vector);
  }
  const missing = [...new Set(texts.filter((text) => !vectors.has(text)))];
  if (missing.length > 0) {
    const embedded = await embedder.embed(missing, options);
    const fresh = new Map(missing.map((text, position) => [text, embedded[position] as Float32Array]));
    for (const [text, vector] of fresh) vectors.set(text, vector);
    await keep(fresh);
  }
  return texts.map((text) => vectors.get(text) as Float32Array);
}

/**
 * Wraps `embedder` with a cache keyed by the text's hash: the curated phrasings are embedded once per
 * machine, not at every start, and a curator's edit costs only the phrasings it changed. New vectors are
 * appended to a file in `dir` (one per model, so vectors of another model are never mixed in) without
 * holding up the event loop; where that fails (a read-only disk) they are kept in memory only, as they
 * are with `dir` null.
 */
export function cachingEmbedder(embedder: Embedder, dir: string | null = DEFAULT_VECTOR_CACHE_DIR): Embedder {
  const file = dir === null ? null : join(dir, `vectors-${embedder.id}.jsonl`);
  const vectors = file === null ? new Map<string, Float32Array>() : readCache(file);

  async function persist(file: string, keys: readonly string[]): Promise<void> {
    // Each write starts on a line of its own: a line another write left unfinished spoils only itself.
    const lines = keys.map((key) => {
      const vector = vectors.get(key) as Float32Array;
      const encoded = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64");
      return `\n${JSON.stringify({ k: key, v: encoded } satisfies CacheLine)}`;
    });
    try {
      await mkdir(dirname(file), { recursive: true });
      // Appended, not rewritten: the cost is the new vectors', however large the cache has grown.
      await appendFile(file, lines.join(""));
    } catch {
      // Not writable (a read-only disk): the vectors stay in memory for this process.
    }
  }

  return {
    id: embedder.id,
    embed: (texts, options) =>
      embedMissing(
        embedder,
        texts,
        options,
        (text) => vectors.get(keyOf(text)),
        async (fresh) => {
          const freshKeys = [...fresh].map(([text, vector]) => {
            const key = keyOf(text);
            vectors.set(key, vector);
            return key;
          });
          if (file !== null) await persist(file, freshKeys);
        },
      ),
  };
}

/**
 * Wraps `embedder` with an in-memory cache of the `max` texts it embedded last. A message is read several
 * ways and, once declined, read again for small talk by meaning: the second reading of the same text
 * costs no model call (of the bench's 1,000 `ask --jsonl` lines, 942 of the 968 short enough to be small
 * talk were read in those very words). A question asked again ("status?") costs none either. A text's
 * vector does not depend on its batch, so this changes the cost only. Callers share the vectors it
 * returns: they read them, never write them.
 */
export function rememberingEmbedder(embedder: Embedder, max: number): Embedder {
  const recent = new LRUCache<string, Float32Array>({ max });
  return {
    id: embedder.id,
    embed: (texts, options) =>
      embedMissing(
        embedder,
        texts,
        options,
        (text) => recent.get(text),
        (fresh) => {
          for (const [text, vector] of fresh) recent.set(text, vector);
        },
      ),
  };
}
