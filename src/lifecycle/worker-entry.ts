/**
 * Where a worker thread's code is, for `new Worker(url, { workerData: { ...data } })`: from the built
 * app, the compiled `<name>.js` beside the caller in dist/; from the TypeScript sources (tsx, vitest),
 * a bootstrap that registers tsx in the worker and then imports `<name>.ts`.
 */
export function workerEntry(callerUrl: string, name: string): { url: URL; data: Record<string, unknown> } {
  if (callerUrl.endsWith(".js")) return { url: new URL(`./${name}.js`, callerUrl), data: {} };
  return {
    url: new URL("./worker-from-source.mjs", import.meta.url),
    data: { entry: new URL(`./${name}.ts`, callerUrl).href },
  };
}
