import type { AnswerSource } from "../knowledge/load.js";
import { formatDate } from "./age.js";
import { SOURCE_TEXT } from "./messages.js";

/** Titles are cut to about six words in a source line: enough to recognise the article. */
export const SOURCE_TITLE_CHARS = 46;

/** The outlets an answer cites from one document, with that document's title, date and URL. */
export interface DocumentSources {
  title: string | undefined;
  date: string;
  url: string | undefined;
  outlets: string[];
}

/** Sources grouped by the document they come from, in the order the documents are first cited. */
export function groupByDocument(sources: readonly AnswerSource[]): DocumentSources[] {
  const groups = new Map<string, DocumentSources>();
  for (const source of sources) {
    const key = `${source.date}|${source.url ?? ""}|${source.title ?? ""}`;
    const group = groups.get(key) ?? { title: source.title, date: source.date, url: source.url, outlets: [] };
    if (!group.outlets.includes(source.outlet)) group.outlets.push(source.outlet);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A title as short as a source line allows, cut at a word where possible. */
export function shortTitle(title: string): string {
  if (title.length <= SOURCE_TITLE_CHARS) return title;
  const room = SOURCE_TITLE_CHARS - 1;
  const space = title.lastIndexOf(" ", room);
  const cut = space > room * 0.6 ? space : room;
  return `${title.slice(0, cut).trimEnd()}…`;
}

/**
 * One document's source line as plain text, naming the article as well as the outlets it cites, with
 * its URL when it came with one.
 */
export function documentSourceText(group: DocumentSources): string {
  const outlets = group.outlets.join(", ");
  const date = formatDate(group.date);
  if (group.title === undefined) return SOURCE_TEXT.outletsOnly(outlets, date);
  const line = SOURCE_TEXT.fromDocument(SOURCE_TEXT.quotedTitle(shortTitle(group.title)), date, outlets);
  return group.url === undefined ? line : SOURCE_TEXT.withUrl(line, group.url);
}

/**
 * How many sources a line names: a titled document is one, whatever outlets it cites; outlets known
 * without a document are one each. "Source:" or "Sources:" follows from it.
 */
export function sourceCount(groups: readonly DocumentSources[]): number {
  return groups.reduce((count, group) => count + (group.title === undefined ? group.outlets.length : 1), 0);
}

/** The whole source line, "Source: …" or "Sources: …", oldest document first, joined with "; ". */
export function formatSources(sources: readonly AnswerSource[]): string {
  const groups = groupByDocument(sources).sort((a, b) => a.date.localeCompare(b.date));
  return SOURCE_TEXT.line(sourceCount(groups), groups.map(documentSourceText).join("; "));
}
