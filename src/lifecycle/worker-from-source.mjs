// Runs a worker's TypeScript module from the sources (tsx, vitest): tsx's loader does not reach worker
// threads by itself. The built app starts the compiled `.js` beside its caller in dist/, without tsx.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
