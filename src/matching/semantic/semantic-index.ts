import { dot } from "./dot.js";
import type { Embedder, EmbedOptions } from "./embedder.js";
import { fitLinearProbe } from "./linear-probe.js";

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
  /** Per entry: the linear probe's score for it less the best other class's (see linear-probe.ts). */
  probe: Float64Array;
}

export interface SemanticIndex {
  score(vector: Float32Array): SemanticScores;
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
  // The probe's classes: each entry for its phrasings, and one more, "none", for the unanswered questions.
  const probe = await fitLinearProbe(
    vectors,
    texts.map((text) => (text.answers ? text.owner : entries.length)),
    entries.length + 1,
    options.pause === undefined ? {} : { pause: options.pause },
  );
  return {
    score(vector) {
      const phrasing = new Float64Array(entries.length).fill(-1);
      const unanswered = new Float64Array(entries.length).fill(-1);
      vectors.forEach((textVector, position) => {
        const { owner, answers } = texts[position] as (typeof texts)[number];
        const into = answers ? phrasing : unanswered;
        into[owner] = Math.max(into[owner] as number, dot(vector, textVector));
      });
      const answer = Float64Array.from(answerVectors, (answerVector) => dot(vector, answerVector));
      return { phrasing, answer, unanswered, probe: probe.leads(vector) };
    },
  };
}
