import { formatDate, formatLongDate } from "../answers/age.js";
import type { Entry, SourceDocument, Status, TimelineEvent } from "../knowledge/schema.js";
import { type AnalysedText, analyseText, type Span, type Token, textOf } from "./analyse.js";
import { isoDateOf } from "./dates.js";
import { DRAFT_TEXT } from "./messages.js";

/** Verbs that report a claim: "PBS News claims that …" attributes what follows to PBS News. */
const REPORTING_LEMMAS: ReadonlySet<string> = new Set([
  "claim",
  "report",
  "say",
  "write",
  "note",
  "state",
  "add",
]);

/** Prepositions kept after a verb in a question: "What does Russia insist on?" */
const VERB_PARTICLES: ReadonlySet<string> = new Set(["on", "for", "to", "with", "about", "from"]);

/** Words that name each side, so the proposed status card can give each side's position. */
export const SIDE_NAMES = {
  ukraine: ["ukraine", "ukrainian", "kyiv", "zelenskyy"],
  russia: ["russia", "russian", "moscow", "kremlin", "putin"],
} as const;

/** A clause of the article that states one thing: its tokens, and the sentence it is part of. */
interface Clause {
  sentence: number;
  /** Position of the clause within its sentence (0, 1…): entries from one sentence stay distinct. */
  part: number;
  start: number;
  end: number;
  /** Where the claim begins once "According to X," / "X claims that" is set aside. */
  bodyStart: number;
  isQuestion: boolean;
  /** Outlets the sentence names; empty when it names none. */
  outlets: string[];
}

export interface Drafts {
  entries: Entry[];
  timeline: TimelineEvent[];
  status: Status;
}

export interface DraftOptions {
  /** Phrasing keys already used (curated entries, other drafts): a draft never repeats one. */
  takenPhrasings?: ReadonlySet<string>;
  /** Must match the loader's phrasing key, so a clash the loader would reject is avoided here. */
  phrasingKey: (text: string) => string;
}

const isSpace = (token: Token | undefined) => token !== undefined && token.text.trim() === "";
const isVerb = (token: Token | undefined) => token?.pos === "VERB" || token?.pos === "AUX";

function spansIn(text: AnalysedText, kind: string, start: number, end: number): Span[] {
  return text.spans.filter((span) => span.kind === kind && span.start >= start && span.end <= end);
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function lowerFirst(text: string, token: Token | undefined): string {
  if (token === undefined || token.pos === "PROPN" || token.text === "I") return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The document's lead outlets: those named in its first sentence that names any. */
function leadOutlets(text: AnalysedText, document: SourceDocument): string[] {
  for (const sentence of text.sentences) {
    const named = spansIn(text, "outlet", sentence.start, sentence.end).map((span) =>
      textOf(text.tokens, span.start, span.end),
    );
    if (named.length > 0) return [...new Set(named)];
  }
  return document.outlets.slice(0, 1);
}

/**
 * Sets aside how a sentence attributes its claim ("However, PBS News claims that", "According to AP
 * News and Newsmax on July 22, 2025,"), returning where the claim itself begins.
 */
function claimStart(text: AnalysedText, start: number, end: number): number {
  const { tokens } = text;
  let i = start;
  if (tokens[i]?.pos === "ADV" && tokens[i + 1]?.text === ",") i += 2;
  const outletsFrom = (from: number): number | null => {
    let at = from;
    let last: number | null = null;
    for (;;) {
      const span = text.spans.find((s) => s.kind === "outlet" && s.start === at);
      if (span === undefined) return last;
      last = span.end;
      const next = tokens[span.end + 1]?.text.toLowerCase();
      if (next !== "and" && next !== ",") return last;
      at = span.end + 2;
    }
  };
  if (tokens[i]?.lemma === "accord" && tokens[i + 1]?.text.toLowerCase() === "to") {
    const lastOutlet = outletsFrom(i + 2);
    if (lastOutlet === null) return i;
    const dates = spansIn(text, "DATE", start, end);
    for (let j = lastOutlet + 1; j <= end; j += 1) {
      const insideDate = dates.some((date) => j >= date.start && j <= date.end);
      if (tokens[j]?.text === "," && !insideDate) return j + 1;
    }
    return i;
  }
  const lastOutlet = outletsFrom(i);
  if (lastOutlet !== null && REPORTING_LEMMAS.has(tokens[lastOutlet + 1]?.lemma ?? "")) {
    const afterVerb = lastOutlet + 2;
    return tokens[afterVerb]?.text.toLowerCase() === "that" ? afterVerb + 1 : afterVerb;
  }
  return i;
}

/**
 * The sentence's clauses: two independent clauses joined by ", and" / ", but" state two things and
 * become two entries; anything else is one.
 */
function clausesOf(text: AnalysedText, lead: string[]): Clause[] {
  const { tokens } = text;
  const clauses: Clause[] = [];
  for (const sentence of text.sentences) {
    let start = sentence.start;
    while (start < sentence.end && isSpace(tokens[start])) start += 1;
    let end = sentence.end;
    while (end > start && isSpace(tokens[end])) end -= 1;
    const isQuestion = tokens[end]?.text === "?";
    const outlets = [
      ...new Set(spansIn(text, "outlet", start, end).map((span) => textOf(tokens, span.start, span.end))),
    ];
    const cuts: number[] = [];
    if (!isQuestion) {
      for (let i = start + 1; i < end; i += 1) {
        if (tokens[i]?.pos !== "CCONJ" || tokens[i - 1]?.text !== ",") continue;
        // A new clause has its own subject and verb: ", and Russia insists …", not ", and Russia's withdrawal".
        const subject = text.spans.find(
          (span) => span.kind === "np" && span.start > i && span.start <= i + 4,
        );
        const verbAfter = subject !== undefined && isVerb(tokens[subject.end + 1]);
        const verbBefore = tokens.slice(start, i).some(isVerb);
        if (verbAfter && verbBefore) cuts.push(i);
      }
    }
    const bounds: [number, number][] = [];
    let from = start;
    for (const cut of cuts) {
      bounds.push([from, cut - 2]);
      from = cut + 1;
    }
    bounds.push([from, end]);
    bounds.forEach(([clauseStart, clauseEnd], part) => {
      clauses.push({
        sentence: sentence.index,
        part,
        start: clauseStart,
        end: clauseEnd,
        bodyStart: part === 0 ? claimStart(text, clauseStart, clauseEnd) : clauseStart,
        isQuestion,
        outlets: outlets.length > 0 ? outlets : lead,
      });
    });
  }
  return clauses;
}

/** A noun phrase without its article, lower-cased as people type it (or as written, for a question). */
function core(text: AnalysedText, span: Span | undefined, asWritten = false): string {
  if (span === undefined) return "";
  let start = span.start;
  if (text.tokens[start]?.pos === "DET") start += 1;
  const phrase = textOf(text.tokens, start, span.end);
  return asWritten ? lowerFirst(phrase, text.tokens[start]) : phrase.toLowerCase();
}

/** The word a phrase is about: "zelenskyy" for "Ukrainian President Volodymyr Zelenskyy". */
function head(text: AnalysedText, span: Span | undefined): string {
  if (span === undefined) return "";
  return (text.tokens[span.end]?.text ?? "").toLowerCase();
}

interface ClauseParts {
  subject: Span | undefined;
  verb: number | null;
  /** Auxiliaries between subject and verb ("has", "were"…). */
  auxiliaries: number[];
  object: Span | undefined;
  phrases: Span[];
}

function partsOf(text: AnalysedText, clause: Clause): ClauseParts {
  const { tokens } = text;
  const phrases = spansIn(text, "np", clause.bodyStart, clause.end);
  // "After two unsuccessful meetings in recent months, Zelenskyy’s proposal comes …": the subject
  // follows an opening phrase.
  let from = clause.bodyStart;
  if (tokens[from]?.pos === "ADP" || tokens[from]?.pos === "SCONJ") {
    const comma = tokens.findIndex((token, i) => i > from && i <= clause.end && token.text === ",");
    if (comma > 0) from = comma + 1;
  }
  let subject = phrases.find((span) => span.start >= from && span.start <= from + 3);
  // "Ukraine and European allies have denounced …": one subject.
  while (subject !== undefined && tokens[subject.end + 1]?.pos === "CCONJ") {
    const end: number = subject.end;
    const next = phrases.find((span) => span.start === end + 2);
    if (next === undefined) break;
    subject = { kind: "np", start: subject.start, end: next.end };
  }
  const afterSubject = subject === undefined ? clause.bodyStart : subject.end + 1;
  const auxiliaries: number[] = [];
  let verb: number | null = null;
  for (let i = afterSubject; i <= clause.end; i += 1) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.pos === "AUX") auxiliaries.push(i);
    else if (token.pos === "VERB") {
      verb = i;
      break;
    } else if (token.pos !== "ADV" && token.pos !== "PART") break;
  }
  const object = phrases.find(
    (span) => span.start > (verb ?? afterSubject) && span.start > (subject?.end ?? -1),
  );
  return { subject, verb, auxiliaries, object, phrases };
}

/** "What has Russia opposed?", "What does Kyiv reject?"; null when the clause is not built that way. */
function whatQuestion(text: AnalysedText, parts: ClauseParts): string | null {
  const { tokens } = text;
  if (parts.subject === undefined || parts.verb === null || parts.object === undefined) return null;
  // "Trump’s waning commitment": a possessive, not a subject and its verb.
  if (tokens[parts.subject.end + 1]?.pos === "PART") return null;
  // Only a verb that takes the object directly ("reiterated his demand"), not "comes ahead of".
  for (let i = parts.verb + 1; i < parts.object.start; i += 1) {
    const between = tokens[i];
    const particle = i === parts.verb + 1 && VERB_PARTICLES.has(between?.text.toLowerCase() ?? "");
    if (!particle && !["DET", "ADJ", "PRON", "PUNCT", "NUM"].includes(between?.pos ?? "")) return null;
  }
  const subject = lowerFirst(
    textOf(tokens, parts.subject.start, parts.subject.end),
    tokens[parts.subject.start],
  );
  const verb = tokens[parts.verb];
  if (verb === undefined) return null;
  const next = tokens[parts.verb + 1];
  const particle = next !== undefined && VERB_PARTICLES.has(next.text.toLowerCase()) ? ` ${next.text}` : "";
  const aux = parts.auxiliaries[0] === undefined ? undefined : tokens[parts.auxiliaries[0]];
  if (aux !== undefined) return `What ${aux.text.toLowerCase()} ${subject} ${verb.text}${particle}?`;
  const lemma = verb.lemma;
  const lower = verb.text.toLowerCase();
  const helper = lower === lemma ? "do" : lower.endsWith("s") ? "does" : "did";
  return `What ${helper} ${subject} ${lemma}${particle}?`;
}

interface DatedPhrase {
  date: string;
  /** The noun phrase the date is about: "third round of negotiations". */
  what: string | null;
}

/** Dates in the clause the library found, each with the phrase just before it that it dates. */
function datesIn(text: AnalysedText, clause: Clause, year: number): DatedPhrase[] {
  const { tokens } = text;
  return spansIn(text, "DATE", clause.start, clause.end).flatMap((span) => {
    const date = isoDateOf(tokens.slice(span.start, span.end + 1), year);
    if (date === null) return [];
    const before = spansIn(text, "np", clause.start, span.start - 1).at(-1);
    let what: string | null = null;
    if (before !== undefined && span.start - before.end <= 3) {
      let start = before.start;
      while (start > clause.start && ["ORDINAL", "ADJ"].includes(tokens[start - 1]?.pos ?? "")) start -= 1;
      if (tokens[start - 1]?.pos === "ADJ" || tokens[start - 1]?.text.toLowerCase() === "third") start -= 1;
      what = core(text, { kind: "np", start, end: before.end });
    }
    return [{ date, what }];
  });
}

/** Cut at a word to at most `max` characters, ending in "…". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, space > max / 2 ? space : max - 1).trimEnd()}…`;
}

/** Lower-case words of `text` joined by dashes, at most `words` of them: for ids. */
export function slug(text: string, words = 4): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "")
    .slice(0, words)
    .join("-");
}

/** Keeps the phrasings no entry has yet, each once. */
function fresh(phrasings: readonly string[], taken: Set<string>, key: (text: string) => string): string[] {
  const kept: string[] = [];
  for (const phrasing of phrasings) {
    const trimmed = phrasing.replace(/\s+/g, " ").trim();
    const k = key(trimmed);
    if (k === "" || taken.has(k)) continue;
    taken.add(k);
    kept.push(trimmed);
  }
  return kept;
}

/** The claim as a plain answer, attributed to the outlets the sentence names (or the lead ones). */
function answerOf(text: AnalysedText, clause: Clause): string {
  const { tokens } = text;
  const sentence = textOf(tokens, clause.start, clause.end);
  if (clause.isQuestion) return DRAFT_TEXT.openQuestion(sentence);
  let end = clause.end;
  while (end > clause.bodyStart && [",", ";", ".", ":"].includes(tokens[end]?.text ?? "")) end -= 1;
  let body = textOf(tokens, clause.bodyStart, end);
  // A claim that ends inside a quotation keeps its own full stop: “hiding from decisions.”
  const last = body.at(-1) ?? "";
  const beforeLast = body.at(-2) ?? "";
  if ('”"’'.includes(last) && ".!?".includes(beforeLast)) body = `${body.slice(0, -2)}${last}`;
  const outlets = joinNames(clause.outlets);
  const first = tokens[clause.bodyStart];
  if (first?.lemma === "accord") return DRAFT_TEXT.outletsReport(outlets, lowerFirst(body, first));
  return DRAFT_TEXT.accordingTo(outlets, lowerFirst(body, first));
}

/**
 * Drafts question-and-answer entries, timeline events and a status card from one article: every
 * clause of every sentence becomes an entry whose evidence is that clause copied verbatim, whose
 * answer attributes it to the outlet the sentence names (or the article's lead outlets), and whose
 * phrasings come from the clause's own words. Nothing is added that the article does not say.
 */
export function draftFromDocument(document: SourceDocument, options: DraftOptions): Drafts {
  const text = analyseText(document.text, document.outlets);
  const lead = leadOutlets(text, document);
  const year = Number(document.date.slice(0, 4));
  const taken = new Set(options.takenPhrasings ?? []);
  const entries: Entry[] = [];
  const timeline: TimelineEvent[] = [];
  /** What a scheduled event is, without "scheduled as of": the status card says that itself. */
  const scheduledWhat = new Map<TimelineEvent, string>();
  const usedIds = new Set<string>();
  const clauses = clausesOf(text, lead);
  const answers = new Map<Clause, string>();
  const subjects = new Map<Clause, string>();

  for (const clause of clauses) {
    const { tokens } = text;
    const parts = partsOf(text, clause);
    const evidence = textOf(tokens, clause.start, clause.end);
    if (!document.text.includes(evidence) || parts.phrases.length === 0) continue;
    const subject = core(text, parts.subject);
    const object = core(text, parts.object);
    const topic = subject !== "" ? subject : core(text, parts.phrases[0]);
    const dated = datesIn(text, clause, year);
    const ahead = dated.find((item) => item.date > document.date);

    const question = clause.isQuestion
      ? evidence
      : (whatQuestion(text, parts) ??
        DRAFT_TEXT.whatAbout(core(text, parts.subject ?? parts.phrases[0], true)));
    const verbLemma = parts.verb === null ? "" : (tokens[parts.verb]?.lemma ?? "");
    const subjectHead = head(text, parts.subject);
    const objectHead = head(text, parts.object);
    // Every verb of the clause with the phrase it acts on: "exchange prisoners", "oppose ceasefire".
    const verbPhrases = parts.phrases.flatMap((span) => {
      for (let i = span.start - 1; i >= Math.max(clause.start, span.start - 3); i -= 1) {
        const token = tokens[i];
        if (token?.pos === "VERB" && token.lemma !== "accord") return [`${token.lemma} ${core(text, span)}`];
        if (token?.pos !== "DET" && token?.pos !== "ADJ" && token?.pos !== "NUM" && token?.pos !== "PRON")
          break;
      }
      return [];
    });
    const candidates = [
      question,
      [subjectHead, verbLemma, objectHead].filter((word) => word !== "").join(" "),
      ...verbPhrases,
      [subjectHead, objectHead].filter((word) => word !== "").join(" "),
      // terse: the clause's who and what, as typed in a hurry
      [subject, verbLemma, object].filter((word) => word !== "").join(" "),
      object === "" ? topic : `${topic} ${object}`,
      // chatty
      DRAFT_TEXT.chatty(object === "" ? topic : object),
      // paraphrased
      DRAFT_TEXT.tellMeAbout(topic, object),
      ...clause.outlets.map((outlet) => DRAFT_TEXT.whatDidOutletSay(outlet, topic)),
      ...spansIn(text, "CARDINAL", clause.start, clause.end).flatMap((span) => {
        const noun = text.spans.find((s) => s.kind === "np" && s.start === span.end + 1);
        return noun === undefined ? [] : [DRAFT_TEXT.howMany(core(text, noun))];
      }),
      ...dated.map((item) =>
        item.date > document.date && item.what !== null
          ? DRAFT_TEXT.whenIs(item.what)
          : DRAFT_TEXT.whatHappenedOn(formatLongDate(item.date)),
      ),
      ...parts.phrases
        .filter((span) => span.end > span.start && span !== parts.object)
        .filter(
          (span) =>
            parts.subject === undefined || span.start > parts.subject.end || span.end < parts.subject.start,
        )
        .map((span) => `${topic} ${core(text, span)}`),
      DRAFT_TEXT.whatAbout(topic),
      `${topic} news`,
    ];
    const phrasings = fresh(candidates, taken, options.phrasingKey);
    const [canonical, ...alternates] = phrasings;
    if (canonical === undefined || alternates.length < 3) continue;

    let id = `${document.id}-s${String(clause.sentence + 1).padStart(2, "0")}${clause.part > 0 ? `-${clause.part + 1}` : ""}`;
    const idSlug = slug(topic, 3);
    if (idSlug !== "") id = `${id}-${idSlug}`;
    if (usedIds.has(id)) continue;
    usedIds.add(id);

    const answer = answerOf(text, clause);
    answers.set(clause, answer);
    subjects.set(clause, subject);
    const heads = [parts.subject, parts.object]
      .flatMap((span) => (span === undefined ? [] : [(tokens[span.end]?.lemma ?? "").toLowerCase()]))
      .filter((lemma) => lemma !== "");
    entries.push({
      id,
      question: upperFirst(canonical),
      alternates: alternates.slice(0, 12),
      unanswered: [],
      answer: shorten(answer, 600),
      sources: [{ document: document.id, outlets: clause.outlets }],
      evidence,
      tags: [...new Set(["draft", ...(clause.isQuestion ? ["open-question"] : []), ...heads])],
      asOf: document.date,
      ...(ahead !== undefined && ahead.date.length === 10 && ahead.what !== null
        ? { scheduledEvent: { date: ahead.date, label: upperFirst(`the ${ahead.what}`) } }
        : {}),
    });

    for (const item of dated) {
      const scheduled = item.date > document.date;
      const happened = shorten(textOf(tokens, clause.bodyStart, clause.end).replace(/[.,;:]$/, ""), 160);
      const event: TimelineEvent = {
        date: item.date,
        label:
          scheduled && item.what !== null
            ? DRAFT_TEXT.scheduledLabel(upperFirst(item.what), formatDate(document.date))
            : upperFirst(happened),
        sources: [{ document: document.id, outlets: clause.outlets }],
        evidence,
      };
      if (scheduled && item.what !== null) scheduledWhat.set(event, upperFirst(item.what));
      timeline.push(event);
    }
  }

  timeline.sort((a, b) => a.date.localeCompare(b.date));
  return {
    entries,
    timeline,
    status: proposeStatus(document, clauses, answers, subjects, timeline, scheduledWhat, lead),
  };
}

function proposeStatus(
  document: SourceDocument,
  clauses: readonly Clause[],
  answers: ReadonlyMap<Clause, string>,
  subjects: ReadonlyMap<Clause, string>,
  timeline: readonly TimelineEvent[],
  scheduledWhat: ReadonlyMap<TimelineEvent, string>,
  lead: readonly string[],
): Status {
  const stated = clauses.filter((clause) => !clause.isQuestion && answers.has(clause));
  const answer = (clause: Clause | undefined) => (clause === undefined ? undefined : answers.get(clause));
  const about = (names: readonly string[]) =>
    stated.find((clause) => names.some((name) => (subjects.get(clause) ?? "").includes(name)));
  const attributed = stated.filter((clause) => clause.outlets.some((outlet) => !lead.includes(outlet)));
  const latest = [...attributed, ...stated.filter((clause) => !attributed.includes(clause))]
    .slice(0, 5)
    .flatMap((clause) => answer(clause) ?? []);
  const next = timeline
    .filter((event) => event.date > document.date && event.date.length === 10)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  const outlets = [...new Set(stated.flatMap((clause) => clause.outlets))];
  return {
    summary: stated
      .slice(0, 2)
      .flatMap((clause) => answer(clause) ?? [])
      .join(" "),
    positions: {
      ukraine: answer(about(SIDE_NAMES.ukraine)) ?? DRAFT_TEXT.noPosition("Ukraine"),
      russia: answer(about(SIDE_NAMES.russia)) ?? DRAFT_TEXT.noPosition("Russia"),
    },
    nextEvent: next === undefined ? null : { date: next.date, label: scheduledWhat.get(next) ?? next.label },
    latest: latest.length > 0 ? latest : [DRAFT_TEXT.noPosition("the talks")],
    sources: [{ document: document.id, outlets: outlets.length > 0 ? outlets : [...lead] }],
    asOf: document.date,
  };
}
