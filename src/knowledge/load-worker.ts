import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { KnowledgeBaseError, loadKnowledgeBase } from "./load.js";
import type { LoadReply, LoadRequest, LoadWorkerData } from "./load-off-thread.js";
import type { Entry } from "./schema.js";

/**
 * Loads and validates a knowledge base in a worker thread (see load-off-thread.ts), then hands it over a
 * slice of entries at a time, each when the main thread asks for it: one big message would cost the main
 * thread as long to read as the load it was spared. The main thread ends the worker when it has them all.
 */
/** Nice value of the loader thread: below the main thread, not starved (19 is the lowest). */
const LOADER_NICENESS = 10;
const port = parentPort;
if (port === null) throw new Error("load-worker.ts runs as a worker thread");
// Reading a release is background work: on Linux, where a nice value belongs to one thread, this one
// yields the cores to the thread that acks Slack (on two cores, a full-speed parse delayed acks).
if (process.platform === "linux") {
  try {
    setPriority(LOADER_NICENESS);
  } catch {
    // Not allowed here (a container may forbid it): the load runs at the usual priority.
  }
}
const { dir, entriesPerSlice } = workerData as LoadWorkerData;
const send = (reply: LoadReply) => port.postMessage(reply);

try {
  const kb = loadKnowledgeBase(dir);
  const entries: readonly Entry[] = kb.entries;
  let next = 0;
  send({
    kind: "head",
    version: kb.version,
    documents: [...kb.documents.values()],
    status: kb.status,
    timeline: [...kb.timeline],
    entities: [...kb.entities],
    entryCount: entries.length,
  });
  port.on("message", (request: LoadRequest) => {
    if (request !== "more") return;
    const slice = entries.slice(next, next + entriesPerSlice);
    next += slice.length;
    send({
      kind: "entries",
      entries: slice,
      fingerprints: slice.map((entry) => kb.entryFingerprints.get(entry.id) ?? ""),
    });
  });
} catch (error) {
  send({
    kind: "error",
    error:
      error instanceof KnowledgeBaseError
        ? { file: error.file, entryId: error.entryId, field: error.field, problem: error.problem }
        : { message: error instanceof Error ? error.message : String(error) },
  });
  // Stays until the main thread ends it, so the error always arrives before the worker's exit does.
  port.on("message", () => undefined);
}
