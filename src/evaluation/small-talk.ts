import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { SMALL_TALK_KINDS, type SmallTalkKind, smallTalkKind } from "../conversation/small-talk.js";
import { type Failure, type Judge, OFF_TOPIC_PATH, type Verdict } from "./evaluate.js";

/** The labelled small-talk set: small talk the bot must recognise, and questions around it it must answer. */
export const SMALL_TALK_SET_FILE = "small-talk.yml";

/**
 * What the whole bot must reach on it: all small talk recognised as its kind, no question taken for small
 * talk. Answering the questions is the matcher's part: `questionsRight` is the level it reached when the set
 * was written, enforced so no change makes it worse.
 */
export const SMALL_TALK_TARGETS = Object.freeze({
  recognised: 1,
  rightKind: 1,
  questionsTakenForSmallTalk: 0,
});
/**
 * Floors at what was reached: the set's questions answered right; CLINC150's small-talk intents (reporting
 * half) recognised, 84.2% when reading by meaning came in (14.2% by phrases alone); and a ceiling on its
 * other queries answered as small talk (0.8% then).
 */
export const SMALL_TALK_FLOORS = Object.freeze({
  questionsRight: 0.88,
  clincIntentsRecognised: 0.8,
  clincOthersAsSmallTalkAtMost: 0.02,
});

const smallTalkSetSchema = z
  .object({
    smallTalk: z.array(z.object({ q: z.string().min(1), kind: z.enum(SMALL_TALK_KINDS) }).strict()),
    questions: z.array(
      z
        .object({ q: z.string().min(1), id: z.string().min(1), also: z.array(z.string().min(1)).optional() })
        .strict(),
    ),
  })
  .strict();

export type SmallTalkSet = z.infer<typeof smallTalkSetSchema>;

export function readSmallTalkSet(repoRoot: string): SmallTalkSet {
  const path = join(repoRoot, "tests", "eval", SMALL_TALK_SET_FILE);
  const parsed = smallTalkSetSchema.safeParse(parseYaml(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface SmallTalkReport {
  smallTalk: { total: number; recognised: number; rightKind: number };
  questions: { total: number; takenForSmallTalk: number; right: number; wrong: number; declined: number };
  /** CLINC150's reporting half (null without the shared file): its small-talk intents, and everything else. */
  clinc: {
    intents: { total: number; recognised: number; rightKind: number };
    others: { total: number; takenForSmallTalk: number };
  } | null;
  failures: Failure[];
}

/**
 * CLINC150's small-talk intents in the shared file (its test split, 30 lines per intent in order), by
 * first line (1-based), with the kind each is. Their fitting half is `SMALL_TALK_EXAMPLES`.
 */
export const CLINC_SMALL_TALK_INTENTS: readonly { intent: string; firstLine: number; kind: SmallTalkKind }[] =
  [
    { intent: "what_can_i_ask_you", firstLine: 631, kind: "capabilities" },
    { intent: "who_made_you", firstLine: 871, kind: "identity" },
    { intent: "thank_you", firstLine: 1951, kind: "thanks" },
    { intent: "who_do_you_work_for", firstLine: 2701, kind: "identity" },
    { intent: "goodbye", firstLine: 2881, kind: "farewell" },
    { intent: "greeting", firstLine: 3541, kind: "greeting" },
    { intent: "what_is_your_name", firstLine: 3601, kind: "identity" },
    { intent: "are_you_a_bot", firstLine: 3991, kind: "identity" },
  ];
const CLINC_INTENT_LINES = 30;

export interface ClincSmallTalk {
  /** The intents' lines on the fitting half (even indexes), as SMALL_TALK_EXAMPLES holds them. */
  fit: { q: string; kind: SmallTalkKind }[];
  /** The intents' lines on the reporting half: never read by the bot. */
  report: { q: string; kind: SmallTalkKind }[];
  /** Every other line of the reporting half. */
  otherReport: string[];
}

/** Splits CLINC150 (as `readOffTopic` does, by line parity) into its small-talk intents and the rest. */
export function readClincSmallTalk(repoRoot: string): ClincSmallTalk | null {
  const file = join(repoRoot, OFF_TOPIC_PATH);
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, "utf8").split("\n");
  const kindAt = new Map<number, SmallTalkKind>();
  for (const { firstLine, kind } of CLINC_SMALL_TALK_INTENTS)
    for (let offset = 0; offset < CLINC_INTENT_LINES; offset += 1) kindAt.set(firstLine - 1 + offset, kind);
  const split: ClincSmallTalk = { fit: [], report: [], otherReport: [] };
  lines.forEach((line, index) => {
    const q = line.trim();
    if (q === "") return;
    const kind = kindAt.get(index);
    const fitting = index % 2 === 0;
    if (kind !== undefined) (fitting ? split.fit : split.report).push({ q, kind });
    else if (!fitting) split.otherReport.push(q);
  });
  return split;
}

/** What the bot makes of each message: small talk (by its phrases, or by meaning once declined), or not. */
async function readMessages(
  texts: readonly string[],
  judge: Judge,
): Promise<{ kind: SmallTalkKind | null; verdict?: Verdict }[]> {
  const byPhrases = texts.map(smallTalkKind);
  const verdicts = await judge(texts.filter((_, position) => byPhrases[position] === null));
  let next = 0;
  return byPhrases.map((kind) => {
    if (kind !== null) return { kind };
    const verdict = verdicts[next];
    next += 1;
    return verdict === undefined ? { kind: null } : { kind: verdict.smallTalk ?? null, verdict };
  });
}

/**
 * Scores what the bot makes of small talk (by its phrases before matching, or by meaning once the matcher
 * declined) on both halves of the set, the matcher (`judge`) on the questions that are not small talk,
 * and, with `clinc`, small talk on CLINC150's reporting half (counts only: it is never tuned on).
 */
export async function evaluateSmallTalk(
  set: SmallTalkSet,
  judge: Judge,
  clinc: ClincSmallTalk | null = null,
): Promise<SmallTalkReport> {
  const failures: Failure[] = [];
  const failure = (
    question: string,
    style: string,
    expected: string[] | null,
    got: string[],
    verdict?: Verdict,
  ): Failure => ({
    set: "small-talk",
    question,
    style,
    expected,
    got,
    suggested: [...(verdict?.suggestions ?? [])],
    confidence: verdict?.confidence ?? 0,
  });
  let recognised = 0;
  let rightKind = 0;
  const smallTalkRead = await readMessages(
    set.smallTalk.map((item) => item.q),
    judge,
  );
  set.smallTalk.forEach((item, position) => {
    const { kind } = smallTalkRead[position] as { kind: SmallTalkKind | null };
    if (kind !== null) recognised += 1;
    if (kind === item.kind) rightKind += 1;
    else failures.push(failure(item.q, `small talk: ${item.kind}`, null, [kind ?? "not small talk"]));
  });
  const questionsRead = await readMessages(
    set.questions.map((item) => item.q),
    judge,
  );
  let taken = 0;
  let right = 0;
  let wrong = 0;
  set.questions.forEach((item, position) => {
    const { kind, verdict } = questionsRead[position] as { kind: SmallTalkKind | null; verdict?: Verdict };
    const accepted = new Set([item.id, ...(item.also ?? [])]);
    if (kind !== null) {
      taken += 1;
      failures.push(failure(item.q, "question", [...accepted], [`small talk: ${kind}`], verdict));
      return;
    }
    if (verdict === undefined || !verdict.answered) {
      failures.push(failure(item.q, "question", [...accepted], [], verdict));
      return;
    }
    if (verdict.ids.length > 0 && verdict.ids.every((id) => accepted.has(id))) right += 1;
    else {
      wrong += 1;
      failures.push(failure(item.q, "question", [...accepted], [...verdict.ids], verdict));
    }
  });
  const total = set.questions.length;
  return {
    smallTalk: { total: set.smallTalk.length, recognised, rightKind },
    questions: { total, takenForSmallTalk: taken, right, wrong, declined: total - taken - right - wrong },
    clinc: clinc === null ? null : await evaluateClinc(clinc, judge),
    failures,
  };
}

async function evaluateClinc(
  clinc: ClincSmallTalk,
  judge: Judge,
): Promise<NonNullable<SmallTalkReport["clinc"]>> {
  const intents = await readMessages(
    clinc.report.map((item) => item.q),
    judge,
  );
  const others = await readMessages(clinc.otherReport, judge);
  return {
    intents: {
      total: clinc.report.length,
      recognised: intents.filter((read) => read.kind !== null).length,
      rightKind: intents.filter((read, position) => read.kind === clinc.report[position]?.kind).length,
    },
    others: {
      total: clinc.otherReport.length,
      takenForSmallTalk: others.filter((read) => read.kind !== null).length,
    },
  };
}
