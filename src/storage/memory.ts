import {
  type ClaimInput,
  DEFAULT_DIGEST_CADENCE,
  type DeliveredInput,
  type DigestDelivery,
  type DigestSubscription,
  type EntryCount,
  type FeedbackRecord,
  type MostAskedQuery,
  POSTED_KINDS,
  PROCESSED_EVENT_TTL_MS,
  type QuestionLogRecord,
  type ReleaseInput,
  type ReportQuery,
  type ReportRecords,
  type Storage,
  type SubscribeInput,
} from "./types.js";

const deliveryKey = (channelId: string, localDate: string) => `${channelId}\u0000${localDate}`;

/**
 * Storage kept in this process only: for tests and the local console. Records are copied in and out
 * so callers can never change what is stored by holding on to an object.
 */
export function createMemoryStorage(): Storage {
  const subscriptions = new Map<string, DigestSubscription>();
  const deliveries = new Map<string, DigestDelivery>();
  let feedback: FeedbackRecord[] = [];
  let questions: QuestionLogRecord[] = [];
  /** Event id → when it was claimed (epoch ms). */
  const events = new Map<string, number>();
  let closed = false;

  const copyDelivery = (delivery: DigestDelivery): DigestDelivery => ({
    ...delivery,
    entryFingerprints: delivery.entryFingerprints === null ? null : { ...delivery.entryFingerprints },
  });

  return {
    kind: "memory",

    async subscribe(input: SubscribeInput) {
      const subscription: DigestSubscription = {
        teamId: input.teamId,
        channelId: input.channelId,
        time: input.time,
        timeZone: input.timeZone,
        cadence: input.cadence ?? subscriptions.get(input.channelId)?.cadence ?? DEFAULT_DIGEST_CADENCE,
        enabled: true,
        disabledReason: null,
        createdBy: input.createdBy,
        createdAt: input.now,
      };
      subscriptions.set(input.channelId, subscription);
      return { ...subscription };
    },

    async unsubscribe(channelId) {
      return subscriptions.delete(channelId);
    },

    async getSubscription(channelId) {
      const found = subscriptions.get(channelId);
      return found === undefined ? null : { ...found };
    },

    async listSubscriptions(filter = {}) {
      return [...subscriptions.values()]
        .filter((sub) => filter.teamId === undefined || sub.teamId === filter.teamId)
        .filter((sub) => filter.enabledOnly !== true || sub.enabled)
        .sort((a, b) => a.channelId.localeCompare(b.channelId))
        .map((sub) => ({ ...sub }));
    },

    async disableSubscription(channelId, reason) {
      const found = subscriptions.get(channelId);
      if (found !== undefined)
        subscriptions.set(channelId, { ...found, enabled: false, disabledReason: reason });
    },

    async claimDelivery(input: ClaimInput) {
      const key = deliveryKey(input.channelId, input.localDate);
      const existing = deliveries.get(key);
      if (existing !== undefined) {
        if (existing.state === "delivered") return false;
        if (existing.leaseUntil.getTime() > input.now.getTime()) return false;
      }
      deliveries.set(key, {
        channelId: input.channelId,
        localDate: input.localDate,
        state: "claimed",
        kind: "digest",
        claimedBy: input.instanceId,
        leaseUntil: input.leaseUntil,
        deliveredAt: null,
        messageTs: null,
        entryFingerprints: null,
      });
      return true;
    },

    async markDelivered(input: DeliveredInput) {
      const key = deliveryKey(input.channelId, input.localDate);
      const existing = deliveries.get(key);
      if (existing === undefined || existing.state !== "claimed") return false;
      deliveries.set(key, {
        ...existing,
        state: "delivered",
        kind: input.kind,
        deliveredAt: input.deliveredAt,
        messageTs: input.messageTs,
        entryFingerprints: { ...input.entryFingerprints },
      });
      return true;
    },

    async releaseClaim(input: ReleaseInput) {
      const key = deliveryKey(input.channelId, input.localDate);
      const existing = deliveries.get(key);
      if (existing?.state === "claimed" && existing.claimedBy === input.instanceId) deliveries.delete(key);
    },

    async getDelivery(channelId, localDate) {
      const found = deliveries.get(deliveryKey(channelId, localDate));
      return found === undefined ? null : copyDelivery(found);
    },

    async latestDelivery(channelId, kinds = POSTED_KINDS) {
      let latest: DigestDelivery | null = null;
      for (const delivery of deliveries.values()) {
        if (delivery.channelId !== channelId || delivery.state !== "delivered") continue;
        if (!kinds.includes(delivery.kind)) continue;
        if (latest === null || delivery.localDate > latest.localDate) latest = delivery;
      }
      return latest === null ? null : copyDelivery(latest);
    },

    async recordFeedback(record) {
      feedback.push({ ...record });
    },

    async logQuestion(record) {
      questions.push({ ...record, teamId: record.teamId ?? null });
    },

    async questionsSince(since, teamId) {
      return questions
        .filter((q) => q.at.getTime() >= since.getTime())
        .filter((q) => teamId === undefined || q.teamId === teamId)
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map((q) => ({ ...q }));
    },

    async mostAskedEntries(query: MostAskedQuery): Promise<EntryCount[]> {
      const counts = new Map<string, number>();
      for (const q of questions) {
        if (q.at.getTime() < query.since.getTime() || q.teamId !== query.teamId) continue;
        if (!q.answered || q.entryId === null) continue;
        counts.set(q.entryId, (counts.get(q.entryId) ?? 0) + 1);
      }
      return [...counts]
        .map(([entryId, count]) => ({ entryId, count }))
        .sort((a, b) => b.count - a.count || a.entryId.localeCompare(b.entryId))
        .slice(0, query.limit);
    },

    async reportRecords(query: ReportQuery): Promise<ReportRecords> {
      const recent = questions
        .filter((q) => q.at.getTime() >= query.since.getTime())
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      return {
        unanswered: recent.filter((q) => !q.answered).map((q) => ({ ...q })),
        lowConfidence: recent
          .filter((q) => q.answered && q.confidence < query.lowConfidenceBelow)
          .map((q) => ({ ...q })),
        unhelpful: feedback
          .filter((f) => !f.helpful && f.at.getTime() >= query.since.getTime())
          .sort((a, b) => a.at.getTime() - b.at.getTime())
          .map((f) => ({ ...f })),
      };
    },

    async pruneQuestionLog(before) {
      const keep = <T extends { at: Date }>(rows: T[]) => rows.filter((row) => row.at >= before);
      const count = questions.length + feedback.length;
      questions = keep(questions);
      feedback = keep(feedback);
      return count - questions.length - feedback.length;
    },

    async claimEvent(eventId, now) {
      const claimedAt = events.get(eventId);
      if (claimedAt !== undefined && claimedAt >= now.getTime() - PROCESSED_EVENT_TTL_MS) return false;
      events.set(eventId, now.getTime());
      return true;
    },

    async pruneEvents(now) {
      let removed = 0;
      for (const [eventId, claimedAt] of events) {
        if (claimedAt >= now.getTime() - PROCESSED_EVENT_TTL_MS) continue;
        events.delete(eventId);
        removed += 1;
      }
      return removed;
    },

    async ping() {
      return !closed;
    },

    async close() {
      closed = true;
    },
  };
}
