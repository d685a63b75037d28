import { Worker } from "node:worker_threads";
import { workerEntry } from "../../lifecycle/worker-entry.js";
import { type Embedder, embedInBatches, positionsByLength } from "./embedder.js";

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

/** An embedder whose model runs in worker threads; `close` ends them. */
export interface OffThreadEmbedder extends Embedder {
  close(): Promise<void>;
}

export interface OffThreadOptions {
  /**
   * Worker threads, each with its own copy of the model (about 110 MB). One serves a bot, which embeds a
   * question at a time; a batch of many texts (`ask --jsonl`) is shared among several, one core each.
   */
  threads?: number;
}

/** Fewer texts than this go to one worker: splitting them saves less than a model call's fixed cost. */
const SPLIT_FROM = 16;

/** One worker thread with the model: texts in, vectors out, one request at a time. */
interface EncoderWorker {
  id: string;
  /** Requests sent and not yet answered. */
  pending(): number;
  send(texts: string[]): Promise<Float32Array[]>;
  terminate(): Promise<void>;
}

async function startEncoderWorker(stop: (error: Error) => void): Promise<EncoderWorker> {
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
      stop(error);
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

  return {
    id,
    pending: () => pending.size,
    send(texts) {
      if (stopped !== null) return Promise.reject(stopped);
      const requestId = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve, reject });
        worker.ref();
        worker.postMessage({ id: requestId, texts } satisfies EncoderRequest);
      });
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

/**
 * Loads the sentence encoder in worker threads, so embedding (tens of milliseconds a question, seconds
 * for a reload's new phrasings) never holds up the event loop that acks Slack's requests. Rejects when
 * the model cannot load there; once any worker fails, every embedding rejects. A worker keeps the process
 * alive only while a request to it is pending.
 */
export async function loadSentenceEncoderOffThread(
  options: OffThreadOptions = {},
): Promise<OffThreadEmbedder> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  let stopped: Error | null = null;
  const stop = (error: Error) => {
    stopped ??= error;
  };
  const started = await Promise.allSettled(Array.from({ length: threads }, () => startEncoderWorker(stop)));
  const workers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failure = started.find((result) => result.status === "rejected");
  if (failure !== undefined) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw failure.reason;
  }
  const [first] = workers as [EncoderWorker, ...EncoderWorker[]];
  const leastBusy = () =>
    workers.reduce((best, worker) => (worker.pending() < best.pending() ? worker : best), first);
  const send = (texts: string[]) => (stopped !== null ? Promise.reject(stopped) : leastBusy().send(texts));

  /** Many texts shared among the workers: dealt in length order, so each gets a like mix of lengths. */
  async function shared(texts: readonly string[]): Promise<Float32Array[]> {
    if (stopped !== null) throw stopped;
    const order = positionsByLength(texts);
    const shares = workers.map((_, slot) => order.filter((_, rank) => rank % workers.length === slot));
    const replies = await Promise.all(
      shares.map((share, slot) =>
        (workers[slot] as EncoderWorker).send(share.map((position) => texts[position] as string)),
      ),
    );
    const vectors = new Array<Float32Array>(texts.length);
    shares.forEach((share, slot) => {
      share.forEach((position, rank) => {
        vectors[position] = replies[slot]?.[rank] as Float32Array;
      });
    });
    return vectors;
  }

  return {
    id: first.id,
    async embed(texts, embedOptions = {}) {
      if (texts.length === 0) return [];
      // In a reload, a few texts at a time (see RELOAD_CHUNK); otherwise one request, or one per worker.
      if (embedOptions.pause !== undefined)
        return embedInBatches(texts, RELOAD_CHUNK, send, embedOptions.pause);
      return workers.length > 1 && texts.length >= SPLIT_FROM ? shared(texts) : send([...texts]);
    },
    async close() {
      stopped ??= new Error("the meaning model was closed");
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
