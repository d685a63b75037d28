import type { AnswerEngine } from "../answers/types.js";
import type { Judge, Verdict } from "./evaluate.js";

/**
 * The answer engine as the evaluation sees it: what it answered, and what it suggested. Each distinct text
 * is asked once per judge, however many sets hold it (CLINC150's reporting half is scored for declines and
 * again for small talk; a few questions are in two sets): an engine's reply depends on the text alone.
 */
export function engineJudge(engine: AnswerEngine): Judge {
  const asked = new Map<string, Promise<Verdict>>();
  return async (questions) => {
    const fresh = [...new Set(questions.filter((question) => !asked.has(question)))];
    const replies = fresh.length === 0 ? Promise.resolve([]) : engine.askMany(fresh);
    fresh.forEach((question, position) => {
      asked.set(
        question,
        replies.then((all) => {
          const { answer, more, smallTalk } = all[position] as (typeof all)[number];
          return {
            answered: answer.answered,
            ids: [answer, ...more].flatMap((given) => (given.id === null ? [] : [given.id])),
            suggestions: answer.answered ? [] : answer.suggestions.map((suggestion) => suggestion.id),
            confidence: answer.confidence,
            ...(smallTalk === undefined ? {} : { smallTalk }),
          };
        }),
      );
    });
    return Promise.all(questions.map((question) => asked.get(question) as Promise<Verdict>));
  };
}
