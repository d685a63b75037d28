import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Embedder } from "../../../src/matching/semantic/embedder.js";
import { cachingEmbedder, rememberingEmbedder } from "../../../src/matching/semantic/vector-cache.js";

/** A stand-in model: a text's vector is its length and its first letter's code, and calls are counted. */
function countingEmbedder(id = "test-model"): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((text) => Float32Array.from([text.length, text.charCodeAt(0) || 0]));
    },
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "talks-vectors-"));
  dirs.push(dir);
  return dir;
};

describe("cachingEmbedder", () => {
  it("embeds each distinct text once, and gives vectors in the order asked", async () => {
    const model = countingEmbedder();
    const cache = cachingEmbedder(model, null);
    const vectors = await cache.embed(["ab", "c", "ab"]);
    expect(vectors.map((vector) => [...vector])).toEqual([
      [2, 97],
      [1, 99],
      [2, 97],
    ]);
    await cache.embed(["c", "def"]);
    expect(model.calls).toEqual([["ab", "c"], ["def"]]);
  });

  it("keeps vectors on disk for the next process, and reads them instead of the model", async () => {
    const dir = scratch();
    await cachingEmbedder(countingEmbedder(), dir).embed(["ceasefire", "talks"]);
    const model = countingEmbedder();
    const next = cachingEmbedder(model, dir);
    expect((await next.embed(["talks", "ceasefire"])).map((vector) => vector[0])).toEqual([5, 9]);
    expect(model.calls).toEqual([]);
    expect(readdirSync(dir)).toEqual(["vectors-test-model.jsonl"]);
  });

  it("adds new vectors to the file without rewriting it; a line cut short costs only its own vector", async () => {
    const dir = scratch();
    const file = join(dir, "vectors-test-model.jsonl");
    await cachingEmbedder(countingEmbedder(), dir).embed(["ceasefire", "talks"]);
    const written = readFileSync(file, "utf8");
    // A process stopped mid-write leaves half a line behind; the next one appends after it.
    writeFileSync(file, `${written}\n{"k":"0123`);
    await cachingEmbedder(countingEmbedder(), dir).embed(["istanbul"]);
    expect(readFileSync(file, "utf8").startsWith(written)).toBe(true);
    const model = countingEmbedder();
    const vectors = await cachingEmbedder(model, dir).embed(["ceasefire", "talks", "istanbul"]);
    expect(vectors.map((vector) => vector[0])).toEqual([9, 5, 8]);
    expect(model.calls).toEqual([]);
  });

  it("never mixes in vectors of another model", async () => {
    const dir = scratch();
    await cachingEmbedder(countingEmbedder("model-a"), dir).embed(["talks"]);
    const other = countingEmbedder("model-b");
    await cachingEmbedder(other, dir).embed(["talks"]);
    expect(other.calls).toEqual([["talks"]]);
  });

  it("starts empty from a broken cache file, and works in memory where it cannot write", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "vectors-test-model.jsonl"), '{not json\nnull\n42\n{"k":1}\n');
    const model = countingEmbedder();
    expect((await cachingEmbedder(model, dir).embed(["x"]))[0]?.[0]).toBe(1);
    const unwritable = join(dir, "vectors-test-model.jsonl", "inside-a-file");
    const inMemory = cachingEmbedder(countingEmbedder(), unwritable);
    expect((await inMemory.embed(["yz"]))[0]?.[0]).toBe(2);
  });
});

describe("rememberingEmbedder", () => {
  it("embeds a text it embedded lately no more, and gives vectors in the order asked", async () => {
    const model = countingEmbedder();
    const recent = rememberingEmbedder(model, 3);
    const first = await recent.embed(["ab", "c", "ab"]);
    expect(first.map((vector) => vector[0])).toEqual([2, 1, 2]);
    const again = await recent.embed(["c", "def", "ab"]);
    expect(again.map((vector) => vector[0])).toEqual([1, 3, 2]);
    // The same vector, not a copy: nothing was embedded twice.
    expect(again[2]).toBe(first[0]);
    expect(model.calls).toEqual([["ab", "c"], ["def"]]);
    expect(model.id).toBe(recent.id);
  });

  it("keeps only the last `max` texts, and still answers a batch longer than that", async () => {
    const model = countingEmbedder();
    const recent = rememberingEmbedder(model, 2);
    await recent.embed(["a", "bb", "ccc"]);
    await recent.embed(["a"]);
    expect(model.calls).toEqual([["a", "bb", "ccc"], ["a"]]);
    // Four texts through a memory of two: each still gets its own vector.
    const vectors = await recent.embed(["dddd", "a", "eeeee", "ccc"]);
    expect(vectors.map((vector) => vector[0])).toEqual([4, 1, 5, 3]);
    expect(model.calls.at(-1)).toEqual(["dddd", "eeeee"]);
  });
});
