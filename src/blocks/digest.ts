import { formatDate } from "../answers/age.js";
import type { DigestChanges, DigestContent, DigestUpcoming, QuestionStats } from "../digest/compose.js";
import { DIGEST_MESSAGES as M } from "../digest/messages.js";
import { noticeBlocks } from "./notice.js";
import { sourcesMrkdwn, sourcesPlain } from "./sources-line.js";
import { context, echoQuestion, escapeMrkdwn, fallbackText, header, section } from "./text.js";
import type { Block, SlackMessage } from "./types.js";

/** Lines of one part of the digest, already safe for mrkdwn. */
function changeLines(changes: DigestChanges): string[] {
  if (changes.kind === "first") return [M.firstDigest];
  if (changes.kind === "unchanged") return [M.noChanges(changes.since)];
  const lines = [M.changesSince(changes.since)];
  for (const entry of changes.added) lines.push(`• ${M.added}: ${escapeMrkdwn(entry.question)}`);
  for (const entry of changes.updated) lines.push(`• ${M.updated}: ${escapeMrkdwn(entry.question)}`);
  if (changes.statusUpdated) lines.push(`• ${M.statusUpdated}`);
  if (changes.timelineUpdated) lines.push(`• ${M.timelineUpdated}`);
  if (changes.more > 0) lines.push(M.moreChanges(changes.more));
  if (changes.removed > 0) lines.push(M.removedCount(changes.removed));
  return lines;
}

function upcomingLines(upcoming: DigestUpcoming): string[] {
  if (upcoming.kind === "none") return [M.noUpcoming(upcoming.latestDate)];
  return upcoming.events.map((event) => `• ${formatDate(event.date)}: ${escapeMrkdwn(event.label)}`);
}

/** Logged questions came from users: each goes through echoQuestion, so `<!channel>` stays inert. */
function questionLines(questions: QuestionStats): string[] {
  if (questions.total === 0) return [M.noQuestions];
  return [
    M.questionTotals(questions.total, questions.unanswered),
    ...questions.top.map((top) => `• “${echoQuestion(top.question)}” — ${M.askedTimes(top.count)}`),
  ];
}

const titled = (title: string, lines: string[]) => section([`*${title}*`, ...lines].join("\n"));

/** The daily digest as a Slack message: a handful of blocks, each within Slack's limits. */
export function buildDigestMessage(digest: DigestContent): SlackMessage {
  const headerText = M.header(digest.weekday, digest.localDate);
  const { staleLine } = digest.status;
  const blocks: Block[] = [
    ...noticeBlocks(staleLine === null ? [] : [staleLine]),
    header(headerText),
    titled(M.statusTitle, [escapeMrkdwn(digest.status.summary)]),
    ...(staleLine === null ? [context(`_${escapeMrkdwn(digest.status.ageLine)}_`)] : []),
    titled(M.changesTitle, changeLines(digest.changes)),
    titled(M.upcomingTitle, upcomingLines(digest.upcoming)),
    titled(M.questionsTitle, questionLines(digest.questions)),
  ];
  if (digest.sources.length > 0) blocks.push(context(sourcesMrkdwn(digest.sources)));
  const text = fallbackText(
    escapeMrkdwn(staleLine ?? ""),
    escapeMrkdwn(headerText),
    escapeMrkdwn(digest.status.summary),
    staleLine === null ? escapeMrkdwn(digest.status.ageLine) : "",
    digest.sources.length > 0 ? sourcesPlain(digest.sources) : "",
  );
  return { text, blocks };
}

/** What the one-line note says: since when nothing is new, and how old the newest information is. */
export interface DigestNoteContent {
  /** Local date of the channel's previous full digest; null if it has had none. */
  since: string | null;
  /** The newest document's date. */
  newestDate: string;
  /** "16 months ago", "today" */
  newestAgo: string;
}

/** The weekly note a "changes only" channel gets while nothing changes: one line, nothing more. */
export function buildDigestNote(note: DigestNoteContent): SlackMessage {
  const line = M.noNewsSince(note.since, note.newestDate, note.newestAgo);
  return { text: fallbackText(line), blocks: [section(line)] };
}
