import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import {
  documentSchema,
  type Entity,
  type Entry,
  type EntrySource,
  entityFileSchema,
  entitySchema,
  entryFileSchema,
  entrySchema,
  type SourceDocument,
  type Status,
  statusSchema,
  type TimelineEvent,
  timelineSchema,
} from "./schema.js";

/** A cited outlet as the bot shows it: who reported it, and when. */
export interface AnswerSource {
  outlet: string;
  date: string;
  title?: string;
  url?: string;
}

export interface KnowledgeBase {
  /** Content hash of every data file: changes whenever a curator changes anything. */
  version: string;
  documents: ReadonlyMap<string, SourceDocument>;
  entries: readonly Entry[];
  entryById: ReadonlyMap<string, Entry>;
  /** Per-entry content hash, so a digest can say which entries are new or changed. */
  entryFingerprints: ReadonlyMap<string, string>;
  status: Status;
  timeline: readonly TimelineEvent[];
  /** Other names for what the documents name: for matching only, never shown as a fact. */
  entities: readonly Entity[];
}

/** Where a curator broke the data: file, entry (when there is one) and field. */
export class KnowledgeBaseError extends Error {
  constructor(
    readonly file: string,
    readonly entryId: string | null,
    readonly field: string | null,
    readonly problem: string,
  ) {
    const where = [
      file,
      entryId === null ? null : `entry "${entryId}"`,
      field === null ? null : `field "${field}"`,
    ]
      .filter((part) => part !== null)
      .join(", ");
    super(`${where}: ${problem}`);
    this.name = "KnowledgeBaseError";
  }
}

function formatPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out === "" ? String(key) : `${out}.${String(key)}`;
  }, "");
}

export function validate<T>(schema: z.ZodType<T>, value: unknown, file: string, entryId: string | null): T {
  const result = schema.safeParse(value, {
    error: (issue) => (issue.input === undefined ? "is missing" : undefined),
  });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // zod reports a misspelt key on the object holding it; name the key itself so the curator finds it.
  const unknownKey = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const issuePath = [...(issue?.path ?? []), ...(unknownKey === undefined ? [] : [unknownKey])];
  const field = formatPath(issuePath);
  const problem = unknownKey === undefined ? (issue?.message ?? "is not valid") : "is not a known field";
  throw new KnowledgeBaseError(file, entryId, field, problem);
}

/** A missing file or folder is a curator's mistake too: report it like any other, not as a bare ENOENT. */
function missing(error: unknown, displayName: string, what: string): never {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new KnowledgeBaseError(displayName, null, null, `${what} is missing`);
  }
  throw error;
}

export function readYaml(path: string, displayName: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    missing(error, displayName, "the file");
  }
  try {
    return parseYaml(raw, { prettyErrors: true });
  } catch (error) {
    throw new KnowledgeBaseError(displayName, null, null, `is not valid YAML: ${(error as Error).message}`);
  }
}

export function yamlFiles(dir: string, displayName: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    missing(error, displayName, "the folder");
  }
  return names
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Canonical form used only to detect the same phrasing in two entries. Apostrophes are dropped rather
 * than turned into spaces so "what's next" and "whats next" count as the same phrasing.
 */
export function phrasingKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['\u2018\u2019\u02bc]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

export function checkSources(
  sources: readonly EntrySource[],
  documents: ReadonlyMap<string, SourceDocument>,
  file: string,
  entryId: string | null,
): void {
  sources.forEach((source, index) => {
    const document = documents.get(source.document);
    if (document === undefined) {
      throw new KnowledgeBaseError(
        file,
        entryId,
        `sources[${index}].document`,
        `no document has the id "${source.document}"`,
      );
    }
    source.outlets.forEach((outlet, outletIndex) => {
      if (!document.outlets.includes(outlet)) {
        throw new KnowledgeBaseError(
          file,
          entryId,
          `sources[${index}].outlets[${outletIndex}]`,
          `"${outlet}" is not an outlet named by document "${document.id}" (it names: ${document.outlets.join(", ")})`,
        );
      }
    });
  });
}

export function checkEvidence(
  evidence: string,
  sources: readonly EntrySource[],
  documents: ReadonlyMap<string, SourceDocument>,
  file: string,
  entryId: string | null,
): void {
  const found = sources.some((source) => documents.get(source.document)?.text.includes(evidence) === true);
  if (!found) {
    throw new KnowledgeBaseError(
      file,
      entryId,
      "evidence",
      "is not a verbatim quote from any of its source documents",
    );
  }
}

/** The file of entities is optional: without it, questions are matched by the names the entries use. */
const ENTITIES_FILE = "entities.yml";

function loadEntities(
  path: string,
  displayName: string,
  documents: ReadonlyMap<string, SourceDocument>,
): Entity[] {
  const file = validate(entityFileSchema, readYaml(path, displayName), displayName, null);
  const documentText = [...documents.values()].map((document) => phrasingKey(document.text)).join(" | ");
  const entities: Entity[] = [];
  const owner = new Map<string, string>();
  file.entities.forEach((raw, index) => {
    const rawId = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : null;
    const entity = validate(entitySchema, raw, displayName, rawId ?? `#${index + 1}`);
    if (entities.some((other) => other.id === entity.id)) {
      throw new KnowledgeBaseError(displayName, entity.id, "id", "is already used by another entity");
    }
    // At a word's start: "Trump" is named by "Trump’s".
    if (!` ${documentText}`.includes(` ${phrasingKey(entity.name)}`)) {
      throw new KnowledgeBaseError(
        displayName,
        entity.id,
        "name",
        `"${entity.name}" is not named by any document`,
      );
    }
    [entity.name, ...entity.aliases].forEach((alias, aliasIndex) => {
      const key = phrasingKey(alias);
      const field = aliasIndex === 0 ? "name" : `aliases[${aliasIndex - 1}]`;
      if (key === "")
        throw new KnowledgeBaseError(displayName, entity.id, field, `"${alias}" has no letters or digits`);
      const other = owner.get(key);
      if (other !== undefined && other !== entity.id) {
        throw new KnowledgeBaseError(
          displayName,
          entity.id,
          field,
          `"${alias}" already names entity "${other}"`,
        );
      }
      owner.set(key, entity.id);
    });
    entities.push(entity);
  });
  return entities;
}

/**
 * Loads and validates everything under `dataDir`. Throws a KnowledgeBaseError naming the file, the entry
 * and the field at the first problem, so a broken edit never half-loads.
 */
export function loadKnowledgeBase(dataDir: string): KnowledgeBase {
  const display = (path: string) => relative(process.cwd(), path) || path;
  const digest = createHash("sha256");

  const documents = new Map<string, SourceDocument>();
  const documentsDir = join(dataDir, "documents");
  for (const path of yamlFiles(documentsDir, display(documentsDir))) {
    const name = display(path);
    const document = validate(documentSchema, readYaml(path, name), name, null);
    if (documents.has(document.id))
      throw new KnowledgeBaseError(name, null, "id", `duplicate document id "${document.id}"`);
    documents.set(document.id, document);
    digest.update(readFileSync(path));
  }
  if (documents.size === 0)
    throw new KnowledgeBaseError(display(documentsDir), null, null, "holds no documents");

  const entries: Entry[] = [];
  const entryById = new Map<string, Entry>();
  const entryFingerprints = new Map<string, string>();
  const phrasingOwner = new Map<string, string>();
  const entryFile = new Map<string, string>();
  const qaDir = join(dataDir, "qa");
  for (const path of yamlFiles(qaDir, display(qaDir))) {
    const name = display(path);
    const file = validate(entryFileSchema, readYaml(path, name), name, null);
    file.entries.forEach((raw, index) => {
      const rawId = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : null;
      const entry = validate(entrySchema, raw, name, rawId ?? `#${index + 1}`);
      const firstFile = entryFile.get(entry.id);
      if (firstFile !== undefined)
        throw new KnowledgeBaseError(name, entry.id, "id", `is already used by an entry in ${firstFile}`);
      entryFile.set(entry.id, name);
      checkSources(entry.sources, documents, name, entry.id);
      checkEvidence(entry.evidence, entry.sources, documents, name, entry.id);
      const phrasings = [
        { text: entry.question, field: "question" },
        ...entry.alternates.map((text, index) => ({ text, field: `alternates[${index}]` })),
        ...entry.unanswered.map((text, index) => ({ text, field: `unanswered[${index}]` })),
      ];
      phrasings.forEach(({ text: phrasing, field }) => {
        const key = phrasingKey(phrasing);
        const owner = phrasingOwner.get(key);
        if (key === "") {
          throw new KnowledgeBaseError(name, entry.id, field, `"${phrasing}" has no letters or digits`);
        }
        if (owner !== undefined && (owner !== entry.id || field.startsWith("unanswered"))) {
          throw new KnowledgeBaseError(
            name,
            entry.id,
            field,
            `"${phrasing}" is already a phrasing of entry "${owner}" in ${entryFile.get(owner)}`,
          );
        }
        phrasingOwner.set(key, entry.id);
      });
      entries.push(entry);
      entryById.set(entry.id, entry);
      entryFingerprints.set(
        entry.id,
        hash(JSON.stringify({ q: entry.question, a: entry.answer, s: entry.sources, d: entry.asOf })),
      );
    });
    digest.update(readFileSync(path));
  }
  if (entries.length === 0) throw new KnowledgeBaseError(display(qaDir), null, null, "holds no entries");

  const statusPath = join(dataDir, "status.yml");
  const status = validate(statusSchema, readYaml(statusPath, display(statusPath)), display(statusPath), null);
  checkSources(status.sources, documents, display(statusPath), null);
  status.examples?.forEach((id, index) => {
    if (!entryById.has(id)) {
      throw new KnowledgeBaseError(
        display(statusPath),
        null,
        `examples[${index}]`,
        `no entry has the id "${id}"`,
      );
    }
  });
  digest.update(readFileSync(statusPath));

  const timelinePath = join(dataDir, "timeline.yml");
  const timeline = validate(
    timelineSchema,
    readYaml(timelinePath, display(timelinePath)),
    display(timelinePath),
    null,
  );
  timeline.events.forEach((event, index) => {
    const where = `events[${index}]`;
    try {
      checkSources(event.sources, documents, display(timelinePath), null);
      checkEvidence(event.evidence, event.sources, documents, display(timelinePath), null);
    } catch (error) {
      if (error instanceof KnowledgeBaseError) {
        throw new KnowledgeBaseError(error.file, null, `${where}.${error.field}`, error.problem);
      }
      throw error;
    }
  });
  digest.update(readFileSync(timelinePath));

  const entitiesPath = join(dataDir, ENTITIES_FILE);
  const entities = existsSync(entitiesPath)
    ? loadEntities(entitiesPath, display(entitiesPath), documents)
    : [];
  if (entities.length > 0) digest.update(readFileSync(entitiesPath));

  return {
    version: digest.digest("hex").slice(0, 12),
    documents,
    entries,
    entryById,
    entryFingerprints,
    status,
    timeline: [...timeline.events].sort((a, b) => a.date.localeCompare(b.date)),
    entities,
  };
}

/** The outlets behind an entry (or the status card), each with the date and title of its document. */
export function sourcesFor(kb: KnowledgeBase, sources: readonly EntrySource[]): AnswerSource[] {
  const seen = new Set<string>();
  const out: AnswerSource[] = [];
  for (const source of sources) {
    const document = kb.documents.get(source.document);
    if (document === undefined) continue;
    for (const outlet of source.outlets) {
      const key = `${outlet}|${document.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        outlet,
        date: document.date,
        title: document.title,
        ...(document.url === undefined ? {} : { url: document.url }),
      });
    }
  }
  return out;
}
