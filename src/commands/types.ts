import type { DigestCadence } from "../storage/types.js";

export type DigestCommand =
  /** Null where the user gave none: the default time and zone, the channel's current cadence. */
  | { action: "on"; time: string | null; timeZone: string | null; cadence: DigestCadence | null }
  | { action: "off" }
  | { action: "status" }
  | { action: "preview" };

/** What a `/talks …` text asks for. */
export type TalksCommand =
  | { kind: "status" }
  | { kind: "timeline" }
  | { kind: "sources" }
  | { kind: "ask"; question: string }
  /** `unrecognised` holds the word that was not understood, when there was one. */
  | { kind: "help"; unrecognised: string | null }
  | { kind: "digest"; digest: DigestCommand }
  /** A digest command that could not be understood; `problem` is ready to show. */
  | { kind: "digest-invalid"; problem: string };
