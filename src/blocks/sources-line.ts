import { formatDate } from "../answers/age.js";
import type { AnswerSource } from "../knowledge/load.js";
import { escapeMrkdwn, link } from "./text.js";

interface SourceGroup {
  outlets: string[];
  date: string;
  url: string | undefined;
}

/** Outlets reported in the same document share one date (and link): "AP News, Newsmax · 22 Jul 2025". */
function groupSources(sources: readonly AnswerSource[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const source of sources) {
    const key = `${source.date}|${source.url ?? ""}|${source.title ?? ""}`;
    const group = groups.get(key) ?? { outlets: [], date: source.date, url: source.url };
    if (!group.outlets.includes(source.outlet)) group.outlets.push(source.outlet);
    groups.set(key, group);
  }
  return [...groups.values()];
}

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

/** mrkdwn, outlets linked when the document came with a URL. */
export function sourcesMrkdwn(sources: readonly AnswerSource[]): string {
  return memoised(sources, "mrkdwn");
}

/** The same line for the plain-text fallback. */
export function sourcesPlain(sources: readonly AnswerSource[]): string {
  return memoised(sources, "plain");
}

function formatMrkdwn(sources: readonly AnswerSource[]): string {
  return groupSources(sources)
    .map((group) => {
      const names = group.outlets.join(", ");
      const label = group.url === undefined ? escapeMrkdwn(names) : link(group.url, names);
      return `${label} · ${formatDate(group.date)}`;
    })
    .join("; ");
}

function formatPlain(sources: readonly AnswerSource[]): string {
  return escapeMrkdwn(
    groupSources(sources)
      .map((group) => `${group.outlets.join(", ")} · ${formatDate(group.date)}`)
      .join("; "),
  );
}
