import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse as parseYaml, Document as YamlDocument } from "yaml";
import { MEANING_MODEL_UNAVAILABLE } from "../answers/messages.js";
import { ConfigError, loadConfig } from "../config/env.js";
import { type Drafts, draftFromDocument, slug } from "../drafting/draft.js";
import { type DraftEvaluation, evaluateDrafts, readEvalQuestions, type Score } from "../drafting/evaluate.js";
import { DRAFT_CLI } from "../drafting/messages.js";
import { DRAFTS_DIR, loadDrafts, STATUS_DRAFT_SUFFIX, TIMELINE_DRAFT_SUFFIX } from "../knowledge/drafts.js";
import { type KnowledgeBase, KnowledgeBaseError, loadKnowledgeBase, phrasingKey } from "../knowledge/load.js";
import { documentSchema, type SourceDocument } from "../knowledge/schema.js";
import { loadMeaningModel } from "../matching/semantic/meaning-model.js";
import { cachingEmbedder } from "../matching/semantic/vector-cache.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

class UsageError extends Error {}

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`${line}\n`);

/** YAML for a data file: a comment on top, long text as literal blocks so it reads like the article. */
function toYaml(value: unknown, comment: string): string {
  const document = new YamlDocument(value);
  document.commentBefore = comment
    .split("\n")
    .map((line) => ` ${line}`)
    .join("\n");
  const text = document.toString({ lineWidth: 110, blockQuote: "literal" });
  // Whatever YAML style was chosen, the file must read back as exactly what was drafted.
  if (JSON.stringify(parseYaml(text)) !== JSON.stringify(value))
    throw new Error("YAML round trip changed the drafts");
  return text;
}

/** The article as given: a first line repeating the title is the title, not the text. */
function articleFrom(file: string, options: { title: string; date: string; outlets: string; url?: string }) {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(DRAFT_CLI.cannotRead(file, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  const [first, ...rest] = raw.split("\n");
  const text = (first?.trim() === options.title.trim() ? rest.join("\n") : raw).replace(/\s+$/, "");
  const candidate = {
    id: `${options.date}-${slug(options.title, 6)}`,
    title: options.title.trim(),
    date: options.date,
    outlets: options.outlets
      .split(",")
      .map((outlet) => outlet.trim())
      .filter((outlet) => outlet !== ""),
    ...(options.url === undefined ? {} : { url: options.url }),
    text,
  };
  const parsed = documentSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      DRAFT_CLI.badDocument(`${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim()),
    );
  }
  for (const outlet of parsed.data.outlets) {
    if (!parsed.data.text.includes(outlet)) throw new UsageError(DRAFT_CLI.outletNotInText(outlet));
  }
  return parsed.data;
}

function takenPhrasings(dir: string, kb: KnowledgeBase): Set<string> {
  const taken = new Set<string>();
  for (const entry of kb.entries)
    for (const phrasing of [entry.question, ...entry.alternates]) taken.add(phrasingKey(phrasing));
  for (const { entry } of loadDrafts(dir, kb).entries) {
    for (const phrasing of [entry.question, ...entry.alternates]) taken.add(phrasingKey(phrasing));
  }
  return taken;
}

function report(dir: string): number {
  const kb = loadKnowledgeBase(dir);
  const drafts = loadDrafts(dir, kb);
  say(
    DRAFT_CLI.checkSummary(
      drafts.entries.length,
      drafts.timelineEvents,
      drafts.statusProposals.length,
      drafts.problems.length,
    ),
  );
  for (const problem of drafts.problems) say(DRAFT_CLI.problem(problem.message));
  return drafts.problems.length === 0 ? 0 : 1;
}

function draftArticle(dir: string, document: SourceDocument): number {
  const documentPath = join(dir, "documents", `${document.id}.yml`);
  const draftsDir = join(dir, DRAFTS_DIR);
  const paths = {
    entries: join(draftsDir, `${document.id}.yml`),
    timeline: join(draftsDir, `${document.id}${TIMELINE_DRAFT_SUFFIX}`),
    status: join(draftsDir, `${document.id}${STATUS_DRAFT_SUFFIX}`),
  };
  for (const path of [documentPath, ...Object.values(paths)]) {
    if (existsSync(path)) throw new UsageError(DRAFT_CLI.exists(relative(process.cwd(), path)));
  }
  const kb = loadKnowledgeBase(dir);
  const drafts = draftFromDocument(document, { takenPhrasings: takenPhrasings(dir, kb), phrasingKey });
  const header = DRAFT_CLI.fileHeader(document.title, document.date);
  mkdirSync(draftsDir, { recursive: true });
  const files: [string, string][] = [
    [
      documentPath,
      toYaml(
        document,
        "Source document, stored verbatim by `npm run draft`. No URL unless one came with it.",
      ),
    ],
    [paths.entries, toYaml({ entries: drafts.entries }, header)],
    [paths.timeline, toYaml({ events: drafts.timeline }, header)],
    [paths.status, toYaml(drafts.status, header)],
  ];
  for (const [path, text] of files) {
    if (path === paths.timeline && drafts.timeline.length === 0) continue;
    writeFileSync(path, text, { flag: "wx" });
    say(DRAFT_CLI.wrote(relative(process.cwd(), path)));
  }
  say(DRAFT_CLI.drafted(drafts.entries.length, drafts.timeline.length));
  return report(dir);
}

const percent = (score: Score, key: "right" | "wrong" | "declined") =>
  `${((100 * score[key]) / Math.max(1, score.total)).toFixed(1).padStart(5)} %`;

function printEvaluation(result: DraftEvaluation): void {
  say(
    `Drafted knowledge base: ${result.drafted.entries} entries from ${result.drafted.documents} document(s), drafted as if new (no curated phrasings taken).`,
  );
  const row = (label: string, score: Score) =>
    say(
      `  ${label.padEnd(34)} ${percent(score, "right")}  ${percent(score, "wrong")}  ${percent(score, "declined")}`,
    );
  for (const set of [...result.sets, { file: "all labelled sets", ...result.all }]) {
    say(`\n${set.file}: ${set.drafted.total} in-scope questions`);
    say(`  ${"".padEnd(34)} ${"right".padStart(7)}  ${"wrong".padStart(7)}  ${"declined".padStart(7)}`);
    row("curated (labelled entry)", set.curatedSameEntry);
    row("curated (same sentence)", set.curatedSameSentence);
    row("drafted (same sentence)", set.drafted);
  }
  const { outOfScope } = result;
  if (outOfScope.total > 0) {
    const share = (n: number) => `${((100 * n) / outOfScope.total).toFixed(1)} %`;
    say(
      `\nout of scope: ${outOfScope.total} questions declined — curated ${share(outOfScope.curatedDeclined)}, drafted ${share(outOfScope.draftedDeclined)}`,
    );
  }
  say(`\n${DRAFT_CLI.evaluationRule}`);
}

async function evaluate(dir: string): Promise<number> {
  const kb = loadKnowledgeBase(dir);
  const taken = new Set<string>();
  const merged: Drafts = { entries: [], timeline: [], status: kb.status };
  for (const document of [...kb.documents.values()].sort((a, b) => a.date.localeCompare(b.date))) {
    const drafts = draftFromDocument(document, { takenPhrasings: taken, phrasingKey });
    merged.entries.push(...drafts.entries);
    merged.timeline.push(...drafts.timeline);
    merged.status = drafts.status;
    for (const entry of drafts.entries)
      for (const p of [entry.question, ...entry.alternates]) taken.add(phrasingKey(p));
  }
  const model = await loadMeaningModel((error) =>
    process.stderr.write(`${MEANING_MODEL_UNAVAILABLE} ${(error as Error).message}\n`),
  );
  // Both knowledge bases read the same labelled questions: each is embedded once, and kept for next time.
  const vectors = model === null ? null : cachingEmbedder(model.questions);
  const meaning = vectors === null ? null : { questions: vectors, entries: vectors };
  printEvaluation(await evaluateDrafts(kb, merged, readEvalQuestions(REPO_ROOT), meaning));
  return 0;
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        title: { type: "string" },
        date: { type: "string" },
        outlets: { type: "string" },
        url: { type: "string" },
        check: { type: "boolean" },
        evaluate: { type: "boolean" },
      },
    });
  } catch (error) {
    complain((error as Error).message);
    complain(DRAFT_CLI.usage);
    return 2;
  }
  const { values, positionals } = parsed;
  let dir: string;
  try {
    dir = loadConfig({ KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR }).knowledgeDir;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    complain(error.message);
    return 2;
  }
  try {
    if (values.check === true && positionals.length === 0) return report(dir);
    if (values.evaluate === true && positionals.length === 0) return await evaluate(dir);
    const [file, ...extra] = positionals;
    const { title, date, outlets, url } = values;
    if (
      file === undefined ||
      extra.length > 0 ||
      typeof title !== "string" ||
      typeof date !== "string" ||
      typeof outlets !== "string"
    ) {
      complain(DRAFT_CLI.usage);
      return 2;
    }
    return draftArticle(
      dir,
      articleFrom(file, { title, date, outlets, ...(typeof url === "string" ? { url } : {}) }),
    );
  } catch (error) {
    if (error instanceof UsageError) {
      complain(error.message);
      return 2;
    }
    if (error instanceof KnowledgeBaseError) {
      complain(`Cannot load the knowledge base: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
