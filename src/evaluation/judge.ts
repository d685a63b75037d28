import type { AnswerEngine } from "../answers/types.js";
import type { Judge, Verdict } from "./evaluate.js";

/** The answer engine as the evaluation sees it: what it answered, and what it suggested. */
export function engineJudge(engine: AnswerEngine): Judge {
  return async (questions) =>
    questions.map((question): Verdict => {
      const { answer } = engine.ask(question);
      return {
        answered: answer.answered,
        ids: answer.id === null ? [] : [answer.id],
        suggestions: answer.suggestions.map((suggestion) => suggestion.id),
        confidence: answer.confidence,
      };
    });
}
