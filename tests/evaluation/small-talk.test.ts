import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import { SMALL_TALK_KINDS } from "../../src/conversation/small-talk.js";
import { share } from "../../src/evaluation/evaluate.js";
import { engineJudge } from "../../src/evaluation/judge.js";
import {
  evaluateSmallTalk,
  readClincSmallTalk,
  readSmallTalkSet,
  SMALL_TALK_FLOORS,
  type SmallTalkReport,
} from "../../src/evaluation/small-talk.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import { cachingEmbedder } from "../../src/matching/semantic/vector-cache.js";
import { meaningModel } from "../helpers/meaning.js";

// The small-talk section of `npm run eval`, on the real data: what the bot decides before matching, and
// whether the questions around small talk still reach the matcher and get answered.
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const set = readSmallTalkSet(REPO_ROOT);
let report: SmallTalkReport;

beforeAll(async () => {
  const vectors = cachingEmbedder((await meaningModel()).questions);
  const engine = await createAnswerEngine(loadKnowledgeBase(join(REPO_ROOT, "data")), {
    meaning: { questions: vectors, entries: vectors },
  });
  report = await evaluateSmallTalk(set, engineJudge(engine), readClincSmallTalk(REPO_ROOT));
}, 180_000);

const listed = () => report.failures.map((failure) => `${failure.question} → ${failure.got.join(",")}`);

describe("the labelled small-talk set", () => {
  it("has small talk of every kind, and questions wrapped in it", () => {
    expect(new Set(set.smallTalk.map((item) => item.kind))).toEqual(new Set(SMALL_TALK_KINDS));
    expect(set.smallTalk.length).toBeGreaterThanOrEqual(40);
    expect(set.questions.length).toBeGreaterThanOrEqual(20);
  });

  it("recognises every small-talk message, as its kind", () => {
    expect(report.smallTalk.recognised, listed().join("\n")).toBe(report.smallTalk.total);
    expect(report.smallTalk.rightKind, listed().join("\n")).toBe(report.smallTalk.total);
  });

  it("takes no question wrapped in a greeting or thanks for small talk", () => {
    expect(report.questions.takenForSmallTalk, listed().join("\n")).toBe(0);
  });

  it(`answers at least ${SMALL_TALK_FLOORS.questionsRight * 100}% of those questions right, and none wrong`, () => {
    const { right, wrong, total } = report.questions;
    expect(share(right, total), listed().join("\n")).toBeGreaterThanOrEqual(SMALL_TALK_FLOORS.questionsRight);
    expect(wrong, listed().join("\n")).toBe(0);
  });

  it(`recognises at least ${SMALL_TALK_FLOORS.clincIntentsRecognised * 100}% of CLINC150's small-talk intents it never read, and answers at most ${SMALL_TALK_FLOORS.clincOthersAsSmallTalkAtMost * 100}% of its other queries as small talk`, () => {
    const clinc = report.clinc;
    if (clinc === null) return expect.fail("../shared/eval/clinc150-offtopic.txt is needed");
    expect(share(clinc.intents.recognised, clinc.intents.total)).toBeGreaterThanOrEqual(
      SMALL_TALK_FLOORS.clincIntentsRecognised,
    );
    expect(share(clinc.others.takenForSmallTalk, clinc.others.total)).toBeLessThanOrEqual(
      SMALL_TALK_FLOORS.clincOthersAsSmallTalkAtMost,
    );
  });
});
