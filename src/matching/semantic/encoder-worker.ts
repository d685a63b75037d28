import { parentPort } from "node:worker_threads";
import { loadSentenceEncoder } from "./embedder.js";
import type { EncoderReply, EncoderRequest } from "./encoder-off-thread.js";

/**
 * The sentence encoder in a worker thread (see encoder-off-thread.ts): loads the model, says whether it
 * could, then embeds each request's texts in turn and sends the vectors back (their memory moved, not
 * copied).
 */
const port = parentPort;
if (port === null) throw new Error("encoder-worker.ts runs as a worker thread");
const send = (reply: EncoderReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

try {
  const encoder = await loadSentenceEncoder();
  // One request at a time, in the order sent: the main thread sends a reload's texts a few at a time,
  // so a question sent meanwhile waits for one small batch at most.
  let queue = Promise.resolve();
  port.on("message", (request: EncoderRequest) => {
    queue = queue.then(async () => {
      try {
        const vectors = await encoder.embed(request.texts);
        send(
          { kind: "vectors", id: request.id, vectors },
          vectors.map((vector) => vector.buffer as ArrayBuffer),
        );
      } catch (error) {
        send({ kind: "failed", id: request.id, message: (error as Error).message });
      }
    });
  });
  send({ kind: "ready", id: encoder.id });
} catch (error) {
  send({ kind: "unavailable", message: (error as Error).message });
}
