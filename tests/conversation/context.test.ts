import { describe, expect, it } from "vitest";
import {
  conversationKey,
  createConversationContexts,
  FOLLOW_UP_WINDOW_MS,
} from "../../src/conversation/context.js";

const AT = new Date("2026-11-30T10:00:00Z");
const later = (ms: number) => new Date(AT.getTime() + ms);
const turn = { question: "What are Ukraine's demands?", entryId: "ukraine-demands", at: AT };

describe("conversation contexts", () => {
  it("recalls a conversation's last answered question for 30 minutes, then forgets it", () => {
    const contexts = createConversationContexts();
    contexts.remember("T1/D1", turn);
    expect(contexts.recall("T1/D1", later(1_000))).toEqual(turn);
    expect(contexts.recall("T1/D1", later(FOLLOW_UP_WINDOW_MS))).toEqual(turn);
    expect(contexts.recall("T1/D1", later(FOLLOW_UP_WINDOW_MS + 1))).toBeNull();
    expect(contexts.recall("T1/D1", later(1_000))).toBeNull();
  });

  it("keeps conversations apart: a DM, each thread, each workspace", () => {
    expect(conversationKey("T1", "D1", undefined)).not.toBe(conversationKey("T1", "D1", "1.1"));
    expect(conversationKey("T1", "C1", "1.1")).not.toBe(conversationKey("T1", "C1", "2.2"));
    expect(conversationKey("T1", "C1", "1.1")).not.toBe(conversationKey("T2", "C1", "1.1"));
    const contexts = createConversationContexts();
    contexts.remember(conversationKey("T1", "C1", "1.1"), turn);
    expect(contexts.recall(conversationKey("T1", "C1", "2.2"), AT)).toBeNull();
    expect(contexts.recall(conversationKey("T1", "C1", "1.1"), AT)).toEqual(turn);
  });

  it("holds a bounded number of conversations, forgetting the least recently used", () => {
    const contexts = createConversationContexts(2);
    contexts.remember("a", turn);
    contexts.remember("b", turn);
    contexts.recall("a", AT);
    contexts.remember("c", turn);
    expect(contexts.recall("a", AT)).toEqual(turn);
    expect(contexts.recall("b", AT)).toBeNull();
    expect(contexts.recall("c", AT)).toEqual(turn);
  });
});
