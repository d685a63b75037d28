import { LRUCache } from "lru-cache";

/** How long a conversation's last answered question is read with a follow-up. */
export const FOLLOW_UP_WINDOW_MS = 30 * 60_000;

/** How many conversations are remembered at once; past it the least recently used ones are forgotten. */
export const MAX_CONVERSATIONS = 10_000;

/** The last question a conversation had answered: what was asked, the entry that answered it, and when. */
export interface ConversationTurn {
  question: string;
  entryId: string;
  at: Date;
}

/**
 * Where each conversation stands: a DM, a DM thread or a channel thread, keyed by `conversationKey`.
 * In memory, for one copy of the app: with several copies behind a load balancer (or in Socket Mode) a
 * follow-up can reach a copy that never saw the question, so they would need this kept in the shared
 * database instead (a row per conversation, with its time, pruned like processed events).
 */
export interface ConversationContexts {
  /** The conversation's last answered question, if it was answered within FOLLOW_UP_WINDOW_MS of `now`. */
  recall(key: string, now: Date): ConversationTurn | null;
  remember(key: string, turn: ConversationTurn): void;
}

/** A DM (its channel), a thread in a DM, or a thread in a channel: the messages a follow-up belongs to. */
export function conversationKey(teamId: string, channelId: string, threadTs: string | undefined): string {
  return threadTs === undefined ? `${teamId}/${channelId}` : `${teamId}/${channelId}/${threadTs}`;
}

export function createConversationContexts(max = MAX_CONVERSATIONS): ConversationContexts {
  // lru-cache bounds the memory; the 30 minutes are checked against the caller's clock.
  const turns = new LRUCache<string, ConversationTurn>({ max });
  return {
    recall(key, now) {
      const turn = turns.get(key);
      if (turn === undefined) return null;
      const age = now.getTime() - turn.at.getTime();
      if (age >= 0 && age <= FOLLOW_UP_WINDOW_MS) return turn;
      if (age > FOLLOW_UP_WINDOW_MS) turns.delete(key);
      return null;
    },
    remember(key, turn) {
      turns.set(key, turn);
    },
  };
}
