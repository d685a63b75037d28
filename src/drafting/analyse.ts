import type { ItemCustomEntity, ItemEntity, ItemSentence, ItemToken, ItsFunction } from "wink-nlp";
import { wink } from "../nlp/wink.js";

/** One token of the article as the NLP library read it. */
export interface Token {
  /** As written in the article. */
  text: string;
  /** The spaces before it in the article, so any run of tokens can be copied back verbatim. */
  space: string;
  /** Universal part of speech: NOUN, PROPN, VERB, AUX, ADJ, NUM, DET, ADP, PUNCT… */
  pos: string;
  lemma: string;
  /** "word", "number", "punctuation"… */
  type: string;
  stopWord: boolean;
}

/** A run of tokens [start, end] (inclusive) the library marked: a date, a number, an outlet, a noun phrase. */
export interface Span {
  kind: string;
  start: number;
  end: number;
}

export interface AnalysedSentence {
  index: number;
  start: number;
  end: number;
}

export interface AnalysedText {
  tokens: Token[];
  sentences: AnalysedSentence[];
  /** The library's entities (DATE, CARDINAL, ORDINAL, DURATION…) and ours: "outlet", "np". */
  spans: Span[];
}

/**
 * Noun phrases as part-of-speech patterns (the library's custom entities): an optional determiner,
 * up to two modifiers, then nouns. Written once here; the library does the matching.
 */
const NOUN_PHRASE_PATTERNS = [
  "[|DET] [|ADJ|NUM] [|ADJ|NOUN|PROPN] [NOUN|PROPN] [|NOUN|PROPN] [|NOUN|PROPN]",
  "[|DET] [|ADJ] [NOUN] [of|for] [|DET] [|ADJ] [NOUN|PROPN]",
  "[|DET] [NOUN|PROPN] [PART] [|ADJ] [|ADJ|NOUN] [NOUN]",
];

/**
 * Reads `text` with wink-nlp: sentences, tokens with part of speech and lemma, the library's entities
 * (dates, numbers, durations) and custom entities for the outlets the document cites and for noun
 * phrases.
 */
export function analyseText(text: string, outlets: readonly string[]): AnalysedText {
  const nlp = wink();
  const its = nlp.its;
  nlp.learnCustomEntities([
    { name: "outlet", patterns: [...outlets] },
    { name: "np", patterns: NOUN_PHRASE_PATTERNS },
  ]);
  const doc = nlp.readDoc(text);
  const tokens: Token[] = [];
  doc.tokens().each((token: ItemToken) => {
    tokens.push({
      text: String(token.out(its.value)),
      space: String(token.out(its.precedingSpaces)),
      pos: String(token.out(its.pos)),
      // wink types its.lemma with the model addons it passes itself; out() accepts it at run time.
      lemma: String(token.out(its.lemma as unknown as ItsFunction<string>)),
      type: String(token.out(its.type)),
      stopWord: token.out(its.stopWordFlag) === true,
    });
  });
  const sentences: AnalysedSentence[] = [];
  const add = (start: number, end: number) => {
    let from = start;
    while (from <= end && tokens[from]?.text.trim() === "") from += 1;
    if (from <= end) sentences.push({ index: sentences.length, start: from, end });
  };
  doc.sentences().each((sentence: ItemSentence) => {
    const [start, end] = sentence.out(its.span) as unknown as [number, number];
    // A line break ends a sentence even without a full stop: a title or heading is not part of the next.
    let from = start;
    for (let i = start; i <= end; i += 1) {
      if (i > from && tokens[i]?.text.includes("\n")) {
        add(from, i - 1);
        from = i;
      }
    }
    add(from, end);
  });
  const spans: Span[] = [];
  doc.entities().each((entity: ItemEntity) => {
    const [start, end] = entity.out(its.span) as unknown as [number, number];
    spans.push({ kind: String(entity.out(its.type)), start, end });
  });
  doc.customEntities().each((entity: ItemCustomEntity) => {
    const [start, end] = entity.out(its.span) as unknown as [number, number];
    spans.push({ kind: String(entity.out(its.type)), start, end });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { tokens, sentences, spans };
}

/** Tokens [start, end] as the article writes them. */
export function textOf(tokens: readonly Token[], start: number, end: number): string {
  let out = "";
  for (let i = start; i <= end; i += 1) {
    const token = tokens[i];
    if (token === undefined) break;
    out += i === start ? token.text : `${token.space}${token.text}`;
  }
  return out;
}
