import { Worker } from "node:worker_threads";
import { type Pause, timeSlices } from "../lifecycle/time-slices.js";
import { workerEntry } from "../lifecycle/worker-entry.js";
import { type KnowledgeBase, KnowledgeBaseError, loadKnowledgeBase } from "./load.js";
import type { Entity, Entry, SourceDocument, Status, TimelineEvent } from "./schema.js";

/** What the worker is given. */
export interface LoadWorkerData {
  dir: string;
  entriesPerSlice: number;
}

/** The main thread's one request: the next slice of entries. */
export type LoadRequest = "more";

/** What the worker sends: the knowledge base without its entries, then the entries a slice at a time. */
export type LoadReply =
  | {
      kind: "head";
      version: string;
      documents: SourceDocument[];
      status: Status;
      timeline: TimelineEvent[];
      entities: Entity[];
      entryCount: number;
    }
  | { kind: "entries"; entries: Entry[]; fingerprints: string[] }
  | {
      kind: "error";
      error:
        | { file: string; entryId: string | null; field: string | null; problem: string }
        | { message: string };
    };

/** Small enough that reading one slice's message takes the main thread a few milliseconds. */
const ENTRIES_PER_SLICE = 200;

/** The worker's error as the loader would have thrown it: a curator's mistake keeps its file and field. */
function errorOf(reply: Extract<LoadReply, { kind: "error" }>): Error {
  const { error } = reply;
  if ("problem" in error)
    return new KnowledgeBaseError(error.file, error.entryId, error.field, error.problem);
  return new Error(error.message);
}

/**
 * Loads and validates the knowledge base in `dir` like loadKnowledgeBase, but in a worker thread, so a
 * reload of thousands of entries (seconds of YAML parsing and checks) never holds up requests; the entries
 * come over in slices, with a turn of the event loop between them. Where a worker cannot be started or
 * dies before it has read the data, the load runs here instead.
 */
export async function loadKnowledgeBaseOffThread(
  dir: string,
  options: {
    /** Told why, when the load runs on this thread after all (it then holds up requests). */
    onMainThread?: (reason: unknown) => void;
    pause?: Pause;
    entriesPerSlice?: number;
  } = {},
): Promise<KnowledgeBase> {
  const pause = options.pause ?? timeSlices();
  const readHere = (reason: unknown) => {
    options.onMainThread?.(reason);
    return loadKnowledgeBase(dir);
  };
  const { url, data } = workerEntry(import.meta.url, "load-worker");
  let worker: Worker;
  try {
    worker = new Worker(url, {
      workerData: {
        ...data,
        dir,
        entriesPerSlice: options.entriesPerSlice ?? ENTRIES_PER_SLICE,
      } satisfies LoadWorkerData,
    });
  } catch (error) {
    return readHere(error);
  }
  try {
    return await new Promise<KnowledgeBase>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => KnowledgeBase) => {
        if (settled) return;
        settled = true;
        try {
          resolve(outcome());
        } catch (error) {
          reject(error);
        }
      };
      let head: Extract<LoadReply, { kind: "head" }> | null = null;
      const entries: Entry[] = [];
      const fingerprints = new Map<string, string>();
      const stopped = (reason: unknown) =>
        settle(() => {
          // Before it has read the data, a worker that cannot run (no worker support, a missing file)
          // costs nothing but the time: read here. Once it has, the data is half-sent: try again later.
          if (head === null) return readHere(reason);
          throw new Error("the data loader stopped before it sent every entry");
        });
      worker.on("error", stopped);
      worker.on("exit", (code) => stopped(new Error(`the data loader exited with code ${code}`)));
      worker.on("message", (reply: LoadReply) => {
        void (async () => {
          if (reply.kind === "error") {
            settle(() => {
              throw errorOf(reply);
            });
            return;
          }
          if (reply.kind === "head") head = reply;
          else {
            reply.entries.forEach((entry, index) => {
              entries.push(entry);
              fingerprints.set(entry.id, reply.fingerprints[index] ?? "");
            });
          }
          if (head === null) return;
          if (entries.length < head.entryCount) {
            await pause();
            worker.postMessage("more" satisfies LoadRequest);
            return;
          }
          const { version, documents, status, timeline, entities } = head;
          settle(() => ({
            version,
            documents: new Map(documents.map((document) => [document.id, document])),
            entries,
            entryById: new Map(entries.map((entry) => [entry.id, entry])),
            entryFingerprints: fingerprints,
            status,
            timeline,
            entities,
          }));
        })();
      });
    });
  } finally {
    await worker.terminate();
  }
}
