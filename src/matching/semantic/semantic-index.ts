import type { Embedder, EmbedOptions } from "./embedder.js";

/** What an entry says, for the meaning signal: its phrasings (question and alternates) and its answer. */
export interface EntryTexts {
  phrasings: readonly string[];
  /** Questions about the entry's subject that it does not answer. */
  unanswered: readonly string[];
  answer: string;
}

/** How close a question's meaning is to each entry. */
export interface SemanticScores {
  /** Per entry: the cosine similarity of its closest phrasing. */
  phrasing: Float64Array;
  /** Per entry: the cosine similarity of its answer. */
  answer: Float64Array;
  /** Per entry: the cosine similarity of the closest question it does not answer (-1 when it lists none). */
  unanswered: Float64Array;
}

export interface SemanticIndex {
  score(vector: Float32Array): SemanticScores;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += (a[index] as number) * (b[index] as number);
  return sum;
}

/** Embeds every phrasing and answer once; a question then costs one embedding and a scan of dot products. */
export async function buildSemanticIndex(
  entries: readonly EntryTexts[],
  embedder: Embedder,
  options: EmbedOptions = {},
): Promise<SemanticIndex> {
  const texts = entries.flatMap((entry, position) => [
    ...entry.phrasings.map((text) => ({ text, owner: position, answers: true })),
    ...entry.unanswered.map((text) => ({ text, owner: position, answers: false })),
  ]);
  const vectors = await embedder.embed(
    texts.map((text) => text.text),
    options,
  );
  const answerVectors = await embedder.embed(
    entries.map((entry) => entry.answer),
    options,
  );
  // One contiguous matrix, a row per text: a question is scored against every row, and a tight loop over
  // one typed array is several times faster than a call per vector.
  const dimensions = vectors[0]?.length ?? 0;
  const matrix = new Float32Array(vectors.length * dimensions);
  vectors.forEach((textVector, row) => {
    matrix.set(textVector, row * dimensions);
  });
  const owners = Int32Array.from(texts, (text) => text.owner);
  const answering = Uint8Array.from(texts, (text) => (text.answers ? 1 : 0));
  return {
    score(vector) {
      const phrasing = new Float64Array(entries.length).fill(-1);
      const unanswered = new Float64Array(entries.length).fill(-1);
      for (let row = 0; row < owners.length; row += 1) {
        let similarity = 0;
        const base = row * dimensions;
        for (let index = 0; index < dimensions; index += 1)
          similarity += (vector[index] as number) * (matrix[base + index] as number);
        const into = answering[row] === 1 ? phrasing : unanswered;
        const owner = owners[row] as number;
        if (similarity > (into[owner] as number)) into[owner] = similarity;
      }
      const answer = Float64Array.from(answerVectors, (answerVector) => dot(vector, answerVector));
      return { phrasing, answer, unanswered };
    },
  };
}
