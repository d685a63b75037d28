import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { SMALL_TALK_KINDS, type SmallTalkKind, smallTalkKind } from "../conversation/small-talk.js";
import type { Failure, Judge, Verdict } from "./evaluate.js";

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
export const SMALL_TALK_FLOORS = Object.freeze({ questionsRight: 0.88 });

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
  failures: Failure[];
}

/**
 * Scores the bot's first decision (small talk or not, made before matching) on both halves of the set, and
 * the matcher (`judge`) on the questions that are not small talk.
 */
export async function evaluateSmallTalk(set: SmallTalkSet, judge: Judge): Promise<SmallTalkReport> {
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
  for (const item of set.smallTalk) {
    const kind: SmallTalkKind | null = smallTalkKind(item.q);
    if (kind !== null) recognised += 1;
    if (kind === item.kind) rightKind += 1;
    else failures.push(failure(item.q, `small talk: ${item.kind}`, null, [kind ?? "not small talk"]));
  }
  const asked = set.questions.filter((item) => {
    const kind = smallTalkKind(item.q);
    if (kind !== null) failures.push(failure(item.q, "question", [item.id], [`small talk: ${kind}`]));
    return kind === null;
  });
  const verdicts = await judge(asked.map((item) => item.q));
  let right = 0;
  let wrong = 0;
  asked.forEach((item, position) => {
    const verdict = verdicts[position];
    const accepted = new Set([item.id, ...(item.also ?? [])]);
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
    questions: {
      total,
      takenForSmallTalk: total - asked.length,
      right,
      wrong,
      declined: asked.length - right - wrong,
    },
    failures,
  };
}
