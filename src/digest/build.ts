import { describeAge } from "../answers/age.js";
import { newestDocumentDate } from "../answers/freshness.js";
import { buildDigestMessage, buildDigestNote } from "../blocks/digest.js";
import type { SlackMessage } from "../blocks/types.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { DigestCadence, Storage } from "../storage/types.js";
import { type DigestPost, decidePost } from "./cadence.js";
import { composeDigest, type DigestContent, digestFingerprints, summariseQuestions } from "./compose.js";

const DAY_MS = 86_400_000;

export interface DigestTarget {
  teamId: string;
  channelId: string;
  timeZone: string;
  cadence: DigestCadence;
}

export interface BuiltDigest {
  /** What the channel gets today. */
  post: DigestPost;
  /** The full digest or the one-line note to post; null when nothing is posted. */
  message: SlackMessage | null;
  /** The full digest as it reads now, whatever is posted (a preview shows it). */
  digest: { content: DigestContent; message: SlackMessage };
  /** The fingerprints the digest was built from: stored with the delivery for the next comparison. */
  entryFingerprints: Record<string, string>;
  /** Local date of the channel's last posted digest or note; null before the first. */
  lastPostDate: string | null;
}

export type DigestBuilder = (target: DigestTarget, now: Date) => Promise<BuiltDigest>;

/**
 * Gathers what a channel's digest needs from the store (its previous full digest and last post, the
 * workspace's questions of the last day) and the knowledge base being served now, composes it, and
 * decides by the channel's cadence whether today gets the digest, the one-line note or nothing.
 */
export function createDigestBuilder(deps: {
  knowledge: () => KnowledgeBase;
  storage: Storage;
  /** STALE_AFTER_DAYS */
  staleAfterDays: number;
}): DigestBuilder {
  return async (target, now) => {
    const kb = deps.knowledge();
    const [previous, lastPost, questions] = await Promise.all([
      deps.storage.latestDelivery(target.channelId, ["digest"]),
      deps.storage.latestDelivery(target.channelId),
      deps.storage.questionsSince(new Date(now.getTime() - DAY_MS), target.teamId),
    ]);
    const content = composeDigest({
      kb,
      questionStats: summariseQuestions(questions),
      previous:
        previous === null
          ? null
          : { localDate: previous.localDate, entryFingerprints: previous.entryFingerprints ?? {} },
      now,
      timeZone: target.timeZone,
      staleAfterDays: deps.staleAfterDays,
    });
    const lastPostDate = lastPost?.localDate ?? null;
    const post = decidePost({
      cadence: target.cadence,
      changes: content.changes,
      lastPostDate,
      localDate: content.localDate,
    });
    const digest = { content, message: buildDigestMessage(content) };
    const newest = newestDocumentDate(kb);
    let message: SlackMessage | null = null;
    if (post === "digest") message = digest.message;
    else if (post === "notice") {
      message = buildDigestNote({
        since: content.changes.kind === "unchanged" ? content.changes.since : null,
        newestDate: newest,
        newestAgo: describeAge(newest, now, deps.staleAfterDays).ago,
      });
    }
    return { post, message, digest, entryFingerprints: digestFingerprints(kb), lastPostDate };
  };
}
