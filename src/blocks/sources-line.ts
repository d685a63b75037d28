import { formatDate } from "../answers/age.js";
import { SOURCE_TEXT } from "../answers/messages.js";
import { documentSourceText, groupByDocument, shortTitle, sourceCount } from "../answers/sources.js";
import type { AnswerSource } from "../knowledge/load.js";
import { escapeMrkdwn, link } from "./text.js";

/**
 * Both lines of a frozen source list, kept as long as the list lives: an entry's list is resolved once
 * per data version and shared by all its answers, so it is formatted once, not on every answer.
 */
const linesOfFrozen = new WeakMap<readonly AnswerSource[], { mrkdwn: string; plain: string }>();

function memoised(sources: readonly AnswerSource[], line: "mrkdwn" | "plain"): string {
  if (!Object.isFrozen(sources)) return line === "mrkdwn" ? formatMrkdwn(sources) : formatPlain(sources);
  let lines = linesOfFrozen.get(sources);
  if (lines === undefined) {
    lines = { mrkdwn: formatMrkdwn(sources), plain: formatPlain(sources) };
    linesOfFrozen.set(sources, lines);
  }
  return lines[line];
}

/** mrkdwn: each document by (shortened) title, linked when it came with a URL, and the outlets it cites. */
export function sourcesMrkdwn(sources: readonly AnswerSource[]): string {
  return memoised(sources, "mrkdwn");
}

/** The same line for the plain-text fallback, with the URL written out. */
export function sourcesPlain(sources: readonly AnswerSource[]): string {
  return memoised(sources, "plain");
}

function formatMrkdwn(sources: readonly AnswerSource[]): string {
  const groups = groupByDocument(sources);
  const parts = groups
    .map((group) => {
      const outlets = escapeMrkdwn(group.outlets.join(", "));
      const date = formatDate(group.date);
      if (group.title === undefined) return SOURCE_TEXT.outletsOnly(outlets, date);
      const title = SOURCE_TEXT.quotedTitle(shortTitle(group.title));
      const document = group.url === undefined ? escapeMrkdwn(title) : link(group.url, title);
      return SOURCE_TEXT.fromDocument(document, date, outlets);
    })
    .join("; ");
  return SOURCE_TEXT.line(sourceCount(groups), parts);
}

function formatPlain(sources: readonly AnswerSource[]): string {
  const groups = groupByDocument(sources);
  return escapeMrkdwn(SOURCE_TEXT.line(sourceCount(groups), groups.map(documentSourceText).join("; ")));
}
