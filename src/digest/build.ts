import { buildDigestMessage } from "../blocks/digest.js";
import type { SlackMessage } from "../blocks/types.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import type { Storage } from "../storage/types.js";
import { composeDigest, type DigestContent, summariseQuestions } from "./compose.js";

const DAY_MS = 86_400_000;

export interface DigestTarget {
  teamId: string;
  channelId: string;
  timeZone: string;
}

export interface BuiltDigest {
  content: DigestContent;
  message: SlackMessage;
  /** The fingerprints the digest was built from: stored with the delivery for the next comparison. */
  entryFingerprints: Record<string, string>;
}

export type DigestBuilder = (target: DigestTarget, now: Date) => Promise<BuiltDigest>;

/**
 * Gathers what a channel's digest needs from the store (its previous digest, the workspace's questions
 * of the last day) and the knowledge base being served now, then composes it.
 */
export function createDigestBuilder(deps: {
  knowledge: () => KnowledgeBase;
  storage: Storage;
  /** STALE_AFTER_DAYS */
  staleAfterDays: number;
}): DigestBuilder {
  return async (target, now) => {
    const kb = deps.knowledge();
    const [previous, questions] = await Promise.all([
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
    return {
      content,
      message: buildDigestMessage(content),
      entryFingerprints: Object.fromEntries(kb.entryFingerprints),
    };
  };
}
