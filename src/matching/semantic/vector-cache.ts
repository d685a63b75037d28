import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Embedder } from "./embedder.js";

/**
 * Where vectors are kept between runs by default: the package's own `node_modules/.cache`, the place
 * build tools keep such things, shared by every process of one checkout (the bot, `ask`, the tests).
 */
export const DEFAULT_VECTOR_CACHE_DIR = fileURLToPath(
  new URL("../../../node_modules/.cache/talks-bot/", import.meta.url),
);

interface CacheFile {
  model: string;
  /** sha256 of the text (hex, 32 characters) → the vector's float32 bytes in base64. */
  vectors: Record<string, string>;
}

const keyOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

function readCache(file: string, model: string): Map<string, Float32Array> {
  const vectors = new Map<string, Float32Array>();
  let parsed: CacheFile;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
  } catch {
    // Missing or unreadable: a cache, so start empty and rebuild.
    return vectors;
  }
  if (parsed.model !== model || typeof parsed.vectors !== "object") return vectors;
  for (const [key, encoded] of Object.entries(parsed.vectors)) {
    const bytes = Buffer.from(encoded, "base64");
    vectors.set(key, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice());
  }
  return vectors;
}

/**
 * Wraps `embedder` with a cache keyed by the text's hash: the curated phrasings are embedded once per
 * machine, not at every start, and a curator's edit costs only the phrasings it changed. New vectors are
 * written to `dir` as they are made; where that fails (a read-only disk) they are kept in memory only, as
 * they are with `dir` null.
 */
export function cachingEmbedder(embedder: Embedder, dir: string | null = DEFAULT_VECTOR_CACHE_DIR): Embedder {
  const file = dir === null ? null : join(dir, `vectors-${embedder.id}.json`);
  const vectors = file === null ? new Map<string, Float32Array>() : readCache(file, embedder.id);

  function persist(file: string): void {
    const encoded: Record<string, string> = {};
    for (const [key, vector] of vectors) {
      encoded[key] = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64");
    }
    try {
      mkdirSync(dirname(file), { recursive: true });
      // Written whole, then renamed: a reader (another process of the same checkout) never sees half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ model: embedder.id, vectors: encoded } satisfies CacheFile));
      renameSync(temporary, file);
    } catch {
      // A cache: kept in memory when the disk refuses it.
    }
  }

  return {
    id: embedder.id,
    async embed(texts) {
      const keys = texts.map(keyOf);
      const missing = [...new Set(texts.filter((_, position) => !vectors.has(keys[position] as string)))];
      if (missing.length > 0) {
        const fresh = await embedder.embed(missing);
        missing.forEach((text, position) => {
          vectors.set(keyOf(text), fresh[position] as Float32Array);
        });
        if (file !== null) persist(file);
      }
      return keys.map((key) => vectors.get(key) as Float32Array);
    },
  };
}
