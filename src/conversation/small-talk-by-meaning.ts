import { dot } from "../matching/semantic/dot.js";
import type { MeaningModel } from "../matching/semantic/meaning-model.js";
import { mayBeSmallTalk, SMALL_TALK_KINDS, SMALL_TALK_PHRASES, type SmallTalkKind } from "./small-talk.js";
import { SMALL_TALK_EXAMPLES } from "./small-talk-examples.js";

/**
 * How close (cosine) a message must come to a small-talk example to be read as small talk. Chosen on
 * CLINC150's fitting half, each example left out of its own nearest-neighbour search, at the lowest cost
 * when a missed piece of small talk costs 1, a dev or regression question taken for small talk 1 and an
 * off-topic query answered as small talk 0.25: 0.65 costs 19.5, 0.7 costs 19, 0.6 and 0.75 cost 35.
 */
export const SMALL_TALK_SIMILARITY = 0.7;

/** Reads messages as small talk by meaning: "thanks for helping", "who am I talking to?". */
export interface SmallTalkByMeaning {
  /** Per text, the kind of small talk it reads as, or null. */
  kindsOf(texts: readonly string[]): Promise<(SmallTalkKind | null)[]>;
}

/**
 * The small-talk phrases and examples, embedded once (through the model's cache). A text reads as the
 * kind of its closest example when that example is close enough. The answer engine asks this only of the
 * messages it declined, so a question the data answers is never taken for small talk.
 */
export async function createSmallTalkByMeaning(model: MeaningModel): Promise<SmallTalkByMeaning> {
  const examples = SMALL_TALK_KINDS.flatMap((kind) =>
    [...SMALL_TALK_PHRASES[kind], ...(SMALL_TALK_EXAMPLES[kind] ?? [])].map((text) => ({ text, kind })),
  );
  const vectors = await model.entries.embed(examples.map((example) => example.text));
  return {
    async kindsOf(texts) {
      // Only short texts with words: small talk is short, and the model must not embed a huge paste.
      const short = texts.flatMap((text, position) => (mayBeSmallTalk(text) ? [position] : []));
      const kinds: (SmallTalkKind | null)[] = texts.map(() => null);
      if (short.length === 0) return kinds;
      const embedded = await model.questions.embed(short.map((position) => texts[position] as string));
      embedded.forEach((vector, index) => {
        let best = SMALL_TALK_SIMILARITY;
        let kind: SmallTalkKind | null = null;
        vectors.forEach((example, position) => {
          const similarity = dot(vector, example);
          if (similarity >= best) {
            best = similarity;
            kind = (examples[position] as (typeof examples)[number]).kind;
          }
        });
        kinds[short[index] as number] = kind;
      });
      return kinds;
    },
  };
}
