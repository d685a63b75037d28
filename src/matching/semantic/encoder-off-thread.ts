import { Worker } from "node:worker_threads";
import { workerEntry } from "../../lifecycle/worker-entry.js";
import { type Embedder, embedInBatches } from "./embedder.js";

/** A request to the encoder's worker: texts to embed. */
export interface EncoderRequest {
  id: number;
  texts: string[];
}

/** What the encoder's worker sends: once whether the model loaded, then one reply per request. */
export type EncoderReply =
  | { kind: "ready"; id: string }
  | { kind: "unavailable"; message: string }
  | { kind: "vectors"; id: number; vectors: Float32Array[] }
  | { kind: "failed"; id: number; message: string };

/**
 * Texts a reload sends to the worker at once. A model call holds its thread for all of its texts (about
 * 15–25 ms each on two cores), and a question waits for the call in progress: eight keep that wait short.
 */
const RELOAD_CHUNK = 8;

/** An embedder whose model runs in a worker thread; `close` ends the worker. */
export interface OffThreadEmbedder extends Embedder {
  close(): Promise<void>;
}

/**
 * Loads the sentence encoder in a worker thread, so embedding (tens of milliseconds a question, seconds
 * for a reload's new phrasings) never holds up the event loop that acks Slack's requests. Rejects when
 * the model cannot load there. The worker keeps the process alive only while a request is pending.
 */
export async function loadSentenceEncoderOffThread(): Promise<OffThreadEmbedder> {
  const { url, data } = workerEntry(import.meta.url, "encoder-worker");
  const worker = new Worker(url, { workerData: data });
  const pending = new Map<
    number,
    { resolve: (vectors: Float32Array[]) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  let stopped: Error | null = null;

  const id = await new Promise<string>((resolve, reject) => {
    const fail = (error: Error) => {
      stopped ??= error;
      reject(error);
      for (const request of pending.values()) request.reject(error);
      pending.clear();
      worker.unref();
    };
    worker.on("error", (error) => fail(new Error(`the meaning model's worker failed: ${error.message}`)));
    worker.on("exit", (code) => fail(new Error(`the meaning model's worker exited with code ${code}`)));
    worker.on("message", (reply: EncoderReply) => {
      if (reply.kind === "ready") resolve(reply.id);
      else if (reply.kind === "unavailable") {
        reject(new Error(reply.message));
        void worker.terminate();
      } else {
        const request = pending.get(reply.id);
        if (request === undefined) return;
        pending.delete(reply.id);
        if (pending.size === 0) worker.unref();
        if (reply.kind === "vectors") request.resolve(reply.vectors);
        else request.reject(new Error(`the meaning model failed: ${reply.message}`));
      }
    });
  });
  worker.unref();

  function send(texts: string[]): Promise<Float32Array[]> {
    if (stopped !== null) return Promise.reject(stopped);
    const requestId = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(requestId, { resolve, reject });
      worker.ref();
      worker.postMessage({ id: requestId, texts } satisfies EncoderRequest);
    });
  }

  return {
    id,
    async embed(texts, options = {}) {
      // At start-up nothing waits: one request. In a reload, a few texts at a time (see RELOAD_CHUNK).
      if (options.pause === undefined) return texts.length === 0 ? [] : send([...texts]);
      return embedInBatches(texts, RELOAD_CHUNK, send, options.pause);
    },
    async close() {
      stopped ??= new Error("the meaning model was closed");
      await worker.terminate();
    },
  };
}
