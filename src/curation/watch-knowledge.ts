import { type FSWatcher, readdirSync, realpathSync, statSync, watch } from "node:fs";
import { join, resolve } from "node:path";
import { type KnowledgeBase, KnowledgeBaseError, loadKnowledgeBase } from "../knowledge/load.js";
import { loadKnowledgeBaseOffThread } from "../knowledge/load-off-thread.js";

/** Editors write a file in several steps (truncate, write, rename): wait for them to settle. */
export const DEFAULT_DEBOUNCE_MS = 200;

/**
 * How often the path of KNOWLEDGE_DIR is resolved again. A release that swaps the folder (renames,
 * deletes and recreates it, or switches a symlink) leaves the watchers on the old folder, which sees
 * no more edits; a new folder behind the same path is noticed within this long.
 */
export const DEFAULT_RESOLVE_EVERY_MS = 1_000;

export interface WatchLogger {
  info(context: object, message: string): void;
  error(context: object, message: string): void;
}

export interface WatchKnowledgeOptions<T> {
  /** KNOWLEDGE_DIR */
  dir: string;
  /**
   * Builds what is served from a validated knowledge base (the answer engine). May be asynchronous:
   * the previous version is served until the new one is built. `reload` is true for every build but
   * the first: requests are being served meanwhile, so a long build should give them their turn.
   */
  build: (kb: KnowledgeBase, how: { reload: boolean }) => T | Promise<T>;
  /** Told about every broken edit (or failed build), after it is logged. */
  onError?: (error: unknown) => void;
  /** Told after each new version is swapped in. */
  onReload?: (kb: KnowledgeBase) => void;
  logger: WatchLogger;
  debounceMs?: number;
  resolveEveryMs?: number;
}

export interface KnowledgeWatch<T> {
  /** What is being served now: the latest version that loaded and built without errors. */
  current(): T;
  close(): void;
}

function folders(dir: string): string[] {
  const found = [dir];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...folders(join(dir, entry.name)));
  }
  return found;
}

/**
 * Which folder the path leads to now, or null when there is none. A folder deleted and created
 * again may get the same inode number back, so its birth time is part of who it is.
 */
function identityOf(path: string): string | null {
  try {
    const real = realpathSync(path);
    const stats = statSync(real);
    return stats.isDirectory() ? `${real}:${stats.dev}:${stats.ino}:${stats.birthtimeMs}` : null;
  } catch {
    return null;
  }
}

/**
 * Serves the data in `dir` and picks up a curator's edits, and a release's switch of the whole
 * folder, without a restart. Each change is loaded and validated in full, built, and swapped in whole;
 * a broken edit keeps the previous version serving and logs exactly where it is broken (file, entry,
 * field). One reload runs at a time: a change made meanwhile is read once it is done, so the files
 * last written are the ones served. The first load must succeed: it rejects otherwise.
 */
export async function watchKnowledge<T>(
  options: WatchKnowledgeOptions<T>,
): Promise<KnowledgeWatch<Awaited<T>>> {
  const { logger } = options;
  const dir = resolve(options.dir);
  let kb = loadKnowledgeBase(options.dir);
  let served = await options.build(kb, { reload: false });
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  /** Set while a reload runs; `changedMeanwhile` asks for one more after it. */
  let reloading = false;
  let changedMeanwhile = false;
  let identity = identityOf(dir);
  const watchers = new Map<string, FSWatcher>();

  function report(error: unknown): void {
    const where =
      error instanceof KnowledgeBaseError
        ? { file: error.file, entryId: error.entryId, field: error.field, problem: error.problem }
        : { err: error };
    logger.error({ ...where, servingVersion: kb.version }, `data not reloaded: ${(error as Error).message}`);
    options.onError?.(error);
  }

  /** Reads, checks and builds the files as they are now, and serves them if they changed. */
  async function reloadOnce(): Promise<void> {
    watchFolders();
    let next: KnowledgeBase;
    let built: Awaited<T>;
    try {
      // In a worker thread: parsing and checking thousands of entries must not hold up requests.
      next = await loadKnowledgeBaseOffThread(options.dir, {
        onMainThread: (reason) =>
          logger.error({ err: reason }, "data read on the main thread: the loader's worker did not start"),
      });
      if (closed || next.version === kb.version) return;
      built = await options.build(next, { reload: true });
    } catch (error) {
      if (!closed) report(error);
      return;
    }
    if (closed) return;
    const previousVersion = kb.version;
    kb = next;
    served = built;
    logger.info({ version: kb.version, previousVersion, entries: kb.entries.length }, "data reloaded");
    options.onReload?.(kb);
  }

  async function reload(): Promise<void> {
    timer = null;
    if (closed) return;
    // A load of the files in a worker takes a while: loads running side by side could finish in
    // another order than they read the files, and serve an older version last.
    if (reloading) {
      changedMeanwhile = true;
      return;
    }
    reloading = true;
    try {
      do {
        changedMeanwhile = false;
        await reloadOnce();
      } while (changedMeanwhile && !closed);
    } finally {
      reloading = false;
    }
  }

  function schedule(): void {
    if (closed) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void reload(), options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /** Folders come and go (a curator adds one, a release swaps them all): watch whatever exists now. */
  function watchFolders(): void {
    let present: string[];
    try {
      present = folders(realpathSync(dir));
    } catch {
      present = [];
    }
    for (const folder of present) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, schedule);
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // The folder vanished between listing and watching; the next change lists again.
      }
    }
    for (const [folder, watcher] of watchers) {
      if (!present.includes(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
  }

  /**
   * A different folder behind the path (or none), or a folder whose watchers were dropped when it
   * went away: watch afresh and reload.
   */
  function resolveAgain(): void {
    const now = identityOf(dir);
    if (now === identity && (now === null || watchers.size > 0)) return;
    identity = now;
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    schedule();
  }

  watchFolders();
  const resolver = setInterval(resolveAgain, options.resolveEveryMs ?? DEFAULT_RESOLVE_EVERY_MS);
  resolver.unref();
  return {
    current: () => served,
    close() {
      closed = true;
      clearInterval(resolver);
      if (timer !== null) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
