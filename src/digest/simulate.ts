import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import type { SlackMessage } from "../blocks/types.js";
import { draftFromDocument } from "../drafting/draft.js";
import { type KnowledgeBase, loadKnowledgeBase, phrasingKey } from "../knowledge/load.js";
import { createMemoryStorage } from "../storage/memory.js";
import type { DeliveryKind, DigestCadence } from "../storage/types.js";
import { createDigestBuilder } from "./build.js";
import { handleDigestCommand } from "./commands.js";
import type { DigestPoster } from "./poster.js";
import { createDigestScheduler } from "./scheduler.js";

const DAY_MS = 86_400_000;

export interface SimulatedDay {
  localDate: string;
  /** What the channel got: the full digest, the one-line note, or nothing. */
  kind: DeliveryKind;
  message: SlackMessage | null;
  /** The curator's edit made that morning, if any. */
  dataChange: string | null;
}

export interface DigestSimulation {
  days: SimulatedDay[];
  /** `/talks digest status` at the end. */
  status: string;
}

export interface SimulationOptions {
  /** The data to start from (copied: the simulation never edits it). */
  knowledgeDir: string;
  /** First simulated day, "YYYY-MM-DD"; the digest is due at 09:00 UTC each day. */
  firstDay: string;
  days: number;
  /** 1-based day on whose morning a curator accepts one drafted entry into qa/. */
  changeOnDay: number;
  cadence: DigestCadence;
  staleAfterDays: number;
}

const CHANNEL = { teamId: "T-SIMULATED", channelId: "C-SIMULATED", userId: "U-CURATOR" } as const;
const ADDED_FILE = join("qa", "zz-accepted-draft.yml");

/** The curator's change: the first drafted entry of the newest document whose phrasings are all new. */
function acceptOneDraft(dir: string, kb: KnowledgeBase): string {
  const documents = [...kb.documents.values()].sort((a, b) => b.date.localeCompare(a.date));
  const taken = new Set(
    kb.entries.flatMap((entry) => [entry.question, ...entry.alternates].map(phrasingKey)),
  );
  for (const document of documents) {
    const [entry] = draftFromDocument(document, { takenPhrasings: taken, phrasingKey }).entries;
    if (entry === undefined) continue;
    writeFileSync(join(dir, ADDED_FILE), stringify({ entries: [entry] }));
    return `accepted the drafted entry "${entry.question}" into ${ADDED_FILE}`;
  }
  throw new Error("the data gave no draft to accept");
}

/**
 * One channel's digests over simulated days, through the real builder, scheduler and store (in
 * memory), with a recording poster instead of Slack and one curator's change to the data.
 */
export async function simulateDigestDays(options: SimulationOptions): Promise<DigestSimulation> {
  const dir = mkdtempSync(join(tmpdir(), "talks-digest-simulation-"));
  try {
    cpSync(options.knowledgeDir, dir, { recursive: true });
    let kb = loadKnowledgeBase(dir);
    const storage = createMemoryStorage();
    const posted: SlackMessage[] = [];
    const poster: DigestPoster = {
      post: async (_channel, message) => {
        posted.push(message);
        return { kind: "posted", ts: `${posted.length}.000000` };
      },
    };
    const buildDigest = createDigestBuilder({
      knowledge: () => kb,
      storage,
      staleAfterDays: options.staleAfterDays,
    });
    const first = new Date(`${options.firstDay}T09:00:00Z`);
    await storage.subscribe({
      ...CHANNEL,
      createdBy: CHANNEL.userId,
      time: "09:00",
      timeZone: "UTC",
      cadence: options.cadence,
      now: new Date(first.getTime() - DAY_MS),
    });
    let now = first;
    const scheduler = createDigestScheduler({
      storage,
      poster,
      buildDigest,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      checkEverySeconds: 60,
      now: () => now,
    });
    const days: SimulatedDay[] = [];
    for (let day = 1; day <= options.days; day += 1) {
      now = new Date(first.getTime() + (day - 1) * DAY_MS);
      let dataChange: string | null = null;
      if (day === options.changeOnDay) {
        dataChange = acceptOneDraft(dir, kb);
        kb = loadKnowledgeBase(dir);
      }
      const before = posted.length;
      await scheduler.tick(now);
      const localDate = now.toISOString().slice(0, 10);
      const delivery = await storage.getDelivery(CHANNEL.channelId, localDate);
      days.push({
        localDate,
        kind: delivery?.kind ?? "skipped",
        message: posted.length > before ? (posted.at(-1) ?? null) : null,
        dataChange,
      });
    }
    await scheduler.stop();
    const status = await handleDigestCommand(
      { ...CHANNEL, subcommand: "status" },
      { storage, defaultTimeZone: "UTC", buildDigest, now },
    );
    return { days, status: status.text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
