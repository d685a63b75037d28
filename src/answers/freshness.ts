import type { KnowledgeBase } from "../knowledge/load.js";
import { type AgeContext, newestDataDate, passedEventLine, staleLine } from "./age.js";
import type { Answer } from "./types.js";

/** Worked out once per data version: every answer and card of that version compares against it. */
const newestByKnowledgeBase = new WeakMap<KnowledgeBase, string>();

/** The date of the newest document in `kb`. */
export function newestDocumentDate(kb: KnowledgeBase): string {
  let newest = newestByKnowledgeBase.get(kb);
  if (newest === undefined) {
    newest = newestDataDate(kb.documents.values());
    newestByKnowledgeBase.set(kb, newest);
  }
  return newest;
}

/**
 * The lines an answer opens with when read at `context.now`: how old it is once past
 * STALE_AFTER_DAYS, and that the event it is about has gone by. Empty for a decline or a fresh answer.
 */
export function answerNotices(kb: KnowledgeBase, answer: Answer, context: AgeContext): string[] {
  if (!answer.answered || answer.asOf === null) return [];
  const newest = newestDocumentDate(kb);
  const lines: string[] = [];
  const stale = staleLine(answer.asOf, newest, context);
  if (stale !== null) lines.push(stale);
  const event = answer.id === null ? undefined : kb.entryById.get(answer.id)?.scheduledEvent;
  const passed = event === undefined ? null : passedEventLine(event, newest, context.now);
  if (passed !== null) lines.push(passed);
  return lines;
}
