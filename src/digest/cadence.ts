import type { DigestCadence } from "../storage/types.js";
import type { DigestChanges } from "./compose.js";

/** On "changes", a channel whose data stays the same hears so at most this often. */
export const NOTE_EVERY_DAYS = 7;

const DAY_MS = 86_400_000;

/** What a scheduled day brings a channel: the full digest, the one-line note, or nothing. */
export type DigestPost = "digest" | "notice" | "nothing";

/** Whole days from one local date ("YYYY-MM-DD") to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export interface PostDecisionInput {
  cadence: DigestCadence;
  /** Compared with the channel's previous full digest. */
  changes: DigestChanges;
  /** Local date of the last message the digest put in the channel (full or note); null if none. */
  lastPostDate: string | null;
  /** The local date the digest is for. */
  localDate: string;
}

/**
 * "daily" always posts the digest. "changes" posts it for a first digest or when the data changed
 * since the previous one; otherwise a one-line note once NOTE_EVERY_DAYS have gone by since the last
 * post, and nothing in between.
 */
export function decidePost(input: PostDecisionInput): DigestPost {
  if (input.cadence === "daily" || input.changes.kind !== "unchanged") return "digest";
  if (input.lastPostDate === null) return "notice";
  return daysBetween(input.lastPostDate, input.localDate) >= NOTE_EVERY_DAYS ? "notice" : "nothing";
}
