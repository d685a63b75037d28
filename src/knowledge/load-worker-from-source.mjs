// Runs load-worker.ts from the TypeScript sources (tsx, vitest): tsx's loader does not reach worker
// threads by itself. The built app starts dist/knowledge/load-worker.js directly, without tsx.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
