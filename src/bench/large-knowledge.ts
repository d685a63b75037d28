import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { loadKnowledgeBase } from "../knowledge/load.js";

/**
 * Writes `count` valid entries to `qa/generated.yml` in `dir`: the curated entries again and again, each
 * copy's id and phrasings marked with its round ("… variant 3") so that every one is distinct, with
 * the curated answer, sources and evidence, so the loader checks them like any curator's file.
 */
export function writeMoreEntries(dir: string, count: number): void {
  const curated = loadKnowledgeBase(dir).entries;
  const entries = Array.from({ length: count }, (_, index) => {
    const entry = curated[index % curated.length];
    if (entry === undefined) throw new Error(`${dir} holds no entries to copy`);
    const round = Math.floor(index / curated.length) + 1;
    const mark = (text: string) => `${text} variant ${round}`;
    return {
      ...entry,
      id: `${entry.id}-variant-${round}`,
      question: mark(entry.question),
      alternates: entry.alternates.map(mark),
      unanswered: entry.unanswered.map(mark),
    };
  });
  // Shared sources and tags are written out each time: a reader's alias limit is not what is measured.
  writeFileSync(join(dir, "qa", "generated.yml"), stringify({ entries }, { aliasDuplicateObjects: false }));
}
