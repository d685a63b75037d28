import type { ItemToken } from "wink-nlp";
import type { Answer, AnswerEngine, AnsweredQuestion } from "../answers/types.js";
import type { Entity } from "../knowledge/schema.js";
import { wink } from "../nlp/wink.js";
import type { ConversationTurn } from "./context.js";

/** A follow-up is short: past this many words a message is a question of its own. */
export const MAX_FOLLOW_UP_WORDS = 10;

/** What opens an elliptical follow-up, and is not part of what it asks about: "and", "what about", "how about". */
const FOLLOW_UP_OPENING =
  /^(?:(?:and|but|so|also|ok|okay)[\s,]+)?(?:(?:what|how)\s+about|what\s+of|and)\s+|^(?:and|but|also)\s+/i;

interface Word {
  value: string;
  pos: string;
  spaces: string;
}

function wordsOf(text: string): Word[] {
  const nlp = wink();
  const words: Word[] = [];
  nlp
    .readDoc(text)
    .tokens()
    .each((token: ItemToken) => {
      words.push({
        value: token.out(nlp.its.value),
        pos: token.out(nlp.its.pos),
        spaces: token.out(nlp.its.precedingSpaces),
      });
    });
  return words;
}

const textOf = (words: readonly Word[]) =>
  words
    .map((word, index) => (index === 0 ? word.value : `${word.spaces}${word.value}`))
    .join("")
    .trim();

/** Words that name something; a follow-up with none of them ("when was that?", "why not?") points back. */
const NAMING_TAGS: ReadonlySet<string> = new Set(["NOUN", "PROPN", "NUM", "ADJ"]);

/** A name or alias as it is compared: lower case, no accents, no possessive. */
function nameKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['\u2019]s\b/g, "")
    .replace(/^the\s+/, "")
    .trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** People, countries and organisations all act in the talks: "and the EU?" may follow a question about Zelenskyy. */
const roleOf = (kind: Entity["kind"]) =>
  kind === "person" || kind === "country" || kind === "organisation" ? "actor" : kind;

/**
 * "What does Ukraine want?" + "and Russia?": the subject is something the data names (data/entities.yml,
 * any case, any alias), so each other entity of the same role that the previous question names is read
 * as replaced by it: "What does Russia want?". Actors stand in for actors, places for places.
 */
function entitySubstitutions(previous: string, subject: string, entities: readonly Entity[]): string[] {
  const key = nameKey(subject);
  const named = entities.find((entity) =>
    [entity.name, ...entity.aliases].some((name) => nameKey(name) === key),
  );
  if (named === undefined) return [];
  const readings: string[] = [];
  for (const other of entities) {
    if (roleOf(other.kind) !== roleOf(named.kind) || other.id === named.id) continue;
    // Longest name first, so "Vladimir Putin" is replaced whole rather than leaving "Vladimir".
    const names = [other.name, ...other.aliases].sort((a, b) => b.length - a.length);
    for (const name of names) {
      const mention = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "iu");
      if (!mention.test(previous)) continue;
      readings.push(previous.replace(mention, subject.replace(/['\u2019]s$/, "")));
      break;
    }
  }
  return readings;
}

/**
 * "Did they agree to a prisoner exchange?" + "what about the kids?": a thing rather than a name stands
 * for the head of the previous question's last phrase, its last noun.
 */
function nounSubstitution(previous: readonly Word[], subject: string): string[] {
  const head = previous.findLastIndex((word) => word.pos === "NOUN");
  if (head === -1) return [];
  const replaced = {
    value: subject.replace(/^(?:the|a|an)\s+/i, ""),
    pos: "NOUN",
    spaces: previous[head]?.spaces ?? " ",
  };
  return [textOf([...previous.slice(0, head), replaced, ...previous.slice(head + 1)])];
}

/**
 * The readings of a follow-up with the previous question: the two together, as one message, and — when
 * the follow-up names something ("and Russia?", "what about the kids?") — the previous question with
 * that in place of what it named (another name of the same kind, or its last noun). Empty when the
 * message is too long to be a follow-up.
 */
export function followUpReadings(
  followUp: string,
  previous: ConversationTurn,
  entities: readonly Entity[],
): string[] {
  const trimmed = followUp.trim();
  const wordCount = (trimmed.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  if (wordCount === 0 || wordCount > MAX_FOLLOW_UP_WORDS) return [];
  const readings = [`${previous.question} ${trimmed}`];
  const subject = trimmed
    .replace(FOLLOW_UP_OPENING, "")
    .replace(/[?!.\s]+$/, "")
    .trim();
  if (subject === "" || subject.split(/\s+/).length > 4) return readings;
  const byName = entitySubstitutions(previous.question, subject, entities);
  if (byName.length > 0) return [...readings, ...byName];
  const subjectWords = wordsOf(subject);
  // Only a thing stands in for a noun: "and what does Putin say?" is a question, not a subject.
  if (subjectWords.some((word) => word.pos === "VERB" || word.pos === "AUX")) return readings;
  if (!subjectWords.some((word) => word.pos === "NOUN" || word.pos === "PROPN")) return readings;
  return [...readings, ...nounSubstitution(wordsOf(previous.question), subject)];
}

/** A follow-up that names nothing of its own ("when was that?", "who said so?") may be about the same entry. */
export function pointsBack(followUp: string): boolean {
  return !wordsOf(followUp).some((word) => NAMING_TAGS.has(word.pos));
}

/**
 * Reads a follow-up that was not answered alone together with the conversation's previous question, and
 * returns the answer of the most confident reading that gives an entry other than the one already given
 * (or, for a follow-up that points back, the same entry again). Null when no reading answers it.
 */
export async function resolveFollowUp(
  engine: AnswerEngine,
  followUp: string,
  previous: ConversationTurn,
): Promise<AnsweredQuestion | null> {
  const readings = followUpReadings(followUp, previous, engine.kb.entities);
  if (readings.length === 0) return null;
  const asked = await engine.askMany(readings);
  let best: { answer: Answer; normalisedQuestion: string } | null = null;
  for (const { answer, more, normalisedQuestion } of asked) {
    for (const given of [answer, ...more]) {
      if (!given.answered || given.id === previous.entryId) continue;
      if (best === null || given.confidence > best.answer.confidence)
        best = { answer: given, normalisedQuestion };
    }
  }
  if (best === null && pointsBack(followUp)) {
    const together = asked[0];
    if (together?.answer.answered === true)
      best = { answer: together.answer, normalisedQuestion: together.normalisedQuestion };
  }
  if (best === null) return null;
  return {
    answer: { ...best.answer, suggestions: [] },
    more: [],
    normalisedQuestion: best.normalisedQuestion,
  };
}
