import type { AnswerEngine } from "../answers/types.js";
import type { Judge, Verdict } from "./evaluate.js";

/** The answer engine as the evaluation sees it: what it answered, and what it suggested. */
export function engineJudge(engine: AnswerEngine): Judge {
  return async (questions) =>
    (await engine.askMany(questions)).map(
      ({ answer, more, smallTalk }): Verdict => ({
        answered: answer.answered,
        ids: [answer, ...more].flatMap((given) => (given.id === null ? [] : [given.id])),
        suggestions: answer.answered ? [] : answer.suggestions.map((suggestion) => suggestion.id),
        confidence: answer.confidence,
        ...(smallTalk === undefined ? {} : { smallTalk }),
      }),
    );
}
