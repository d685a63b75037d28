import type { KnowledgeBase } from "../knowledge/load.js";

/** Slack shows up to four suggested prompts in the agent view. */
export const MAX_SUGGESTED_PROMPTS = 4;

export interface SuggestedPrompt {
  title: string;
  message: string;
}

/**
 * What the agent view suggests asking: the entries this workspace asked about most, then the data's
 * example questions, then its first entries, each once, at most four. Each prompt asks the entry's own
 * question, so clicking it is answered by that entry.
 */
export function suggestedPrompts(kb: KnowledgeBase, mostAsked: readonly string[]): SuggestedPrompt[] {
  const ids = [...mostAsked, ...(kb.status.examples ?? []), ...kb.entries.map((entry) => entry.id)];
  const prompts: SuggestedPrompt[] = [];
  for (const id of new Set(ids)) {
    const entry = kb.entryById.get(id);
    if (entry === undefined) continue;
    prompts.push({ title: entry.question, message: entry.question });
    if (prompts.length === MAX_SUGGESTED_PROMPTS) break;
  }
  return prompts;
}
