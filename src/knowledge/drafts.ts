import { existsSync } from "node:fs";
import { basename, join, relative } from "node:path";
import {
  checkEvidence,
  checkSources,
  type KnowledgeBase,
  KnowledgeBaseError,
  phrasingKey,
  readYaml,
  validate,
  yamlFiles,
} from "./load.js";
import {
  type Entry,
  entryFileSchema,
  entrySchema,
  type Status,
  statusSchema,
  timelineSchema,
} from "./schema.js";

/** Where drafts live under KNOWLEDGE_DIR, and how their files are named beside `<document-id>.yml`. */
export const DRAFTS_DIR = "drafts";
export const TIMELINE_DRAFT_SUFFIX = ".timeline.yml";
export const STATUS_DRAFT_SUFFIX = ".status.yml";

/** What the drafts folder holds, checked as strictly as the served data; none of it is served. */
export interface DraftReport {
  /** Entries that passed every check the curated ones must pass, with the file they are in. */
  entries: { file: string; entry: Entry }[];
  timelineEvents: number;
  statusProposals: { file: string; status: Status }[];
  /** Every problem found, each naming the file, the entry and the field. */
  problems: KnowledgeBaseError[];
}

function collect(problems: KnowledgeBaseError[], check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    problems.push(error);
    return false;
  }
}

/**
 * Reads KNOWLEDGE_DIR/drafts/ against the knowledge base being served: entries with the same zod schema
 * and checks as qa/ (sources, verbatim evidence, ids and phrasings not already taken), timeline and
 * status drafts with theirs. Problems are collected, not thrown: a broken draft never stops the bot,
 * and drafts are never served. An absent folder is an empty report.
 */
export function loadDrafts(dataDir: string, kb: KnowledgeBase): DraftReport {
  const report: DraftReport = { entries: [], timelineEvents: 0, statusProposals: [], problems: [] };
  const dir = join(dataDir, DRAFTS_DIR);
  if (!existsSync(dir)) return report;
  const display = (path: string) => relative(process.cwd(), path) || path;
  const takenPhrasings = new Map<string, string>();
  for (const entry of kb.entries) {
    for (const phrasing of [entry.question, ...entry.alternates])
      takenPhrasings.set(phrasingKey(phrasing), entry.id);
  }
  const draftIds = new Map<string, string>();

  for (const path of yamlFiles(dir, display(dir))) {
    const file = display(path);
    const name = basename(path);
    let raw: unknown;
    if (!collect(report.problems, () => (raw = readYaml(path, file)))) continue;

    if (name.endsWith(TIMELINE_DRAFT_SUFFIX)) {
      collect(report.problems, () => {
        const timeline = validate(timelineSchema, raw, file, null);
        timeline.events.forEach((event, index) => {
          try {
            checkSources(event.sources, kb.documents, file, null);
            checkEvidence(event.evidence, event.sources, kb.documents, file, null);
          } catch (error) {
            if (!(error instanceof KnowledgeBaseError)) throw error;
            report.problems.push(
              new KnowledgeBaseError(file, null, `events[${index}].${error.field}`, error.problem),
            );
          }
        });
        report.timelineEvents += timeline.events.length;
      });
      continue;
    }
    if (name.endsWith(STATUS_DRAFT_SUFFIX)) {
      collect(report.problems, () => {
        const status = validate(statusSchema, raw, file, null);
        checkSources(status.sources, kb.documents, file, null);
        report.statusProposals.push({ file, status });
      });
      continue;
    }

    let entries: unknown[] = [];
    if (!collect(report.problems, () => (entries = validate(entryFileSchema, raw, file, null).entries)))
      continue;
    entries.forEach((rawEntry, index) => {
      const rawId =
        typeof rawEntry === "object" && rawEntry !== null && "id" in rawEntry
          ? String(rawEntry.id)
          : `#${index + 1}`;
      collect(report.problems, () => {
        const entry = validate(entrySchema, rawEntry, file, rawId);
        if (kb.entryById.has(entry.id)) {
          throw new KnowledgeBaseError(file, entry.id, "id", "is already used by a curated entry in qa/");
        }
        const firstFile = draftIds.get(entry.id);
        if (firstFile !== undefined) {
          throw new KnowledgeBaseError(file, entry.id, "id", `is already used by a draft in ${firstFile}`);
        }
        checkSources(entry.sources, kb.documents, file, entry.id);
        checkEvidence(entry.evidence, entry.sources, kb.documents, file, entry.id);
        [entry.question, ...entry.alternates].forEach((phrasing, phrasingIndex) => {
          const owner = takenPhrasings.get(phrasingKey(phrasing));
          if (owner !== undefined && owner !== entry.id) {
            const field = phrasingIndex === 0 ? "question" : `alternates[${phrasingIndex - 1}]`;
            throw new KnowledgeBaseError(
              file,
              entry.id,
              field,
              `"${phrasing}" is already a phrasing of entry "${owner}"`,
            );
          }
        });
        draftIds.set(entry.id, file);
        for (const phrasing of [entry.question, ...entry.alternates])
          takenPhrasings.set(phrasingKey(phrasing), entry.id);
        report.entries.push({ file, entry });
      });
    });
  }
  return report;
}
