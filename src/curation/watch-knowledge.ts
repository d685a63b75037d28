import { type FSWatcher, readdirSync, watch } from "node:fs";
import { join } from "node:path";
import { type KnowledgeBase, KnowledgeBaseError, loadKnowledgeBase } from "../knowledge/load.js";

/** Editors write a file in several steps (truncate, write, rename): wait for them to settle. */
export const DEFAULT_DEBOUNCE_MS = 200;

export interface WatchLogger {
  info(context: object, message: string): void;
  error(context: object, message: string): void;
}

export interface WatchKnowledgeOptions<T> {
  /** KNOWLEDGE_DIR */
  dir: string;
  /** Builds what is served from a validated knowledge base (the answer engine); may take a while. */
  build: (kb: KnowledgeBase) => T | Promise<T>;
  /** Told about every broken edit, after it is logged. */
  onError?: (error: unknown) => void;
  /** Told after each new version is swapped in. */
  onReload?: (kb: KnowledgeBase) => void;
  logger: WatchLogger;
  debounceMs?: number;
}

export interface KnowledgeWatch<T> {
  /** What is being served now: the latest version that loaded without errors. */
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
 * Serves the data in `dir` and picks up a curator's edits without a restart. Each change is loaded and
 * validated in full and swapped in whole; a broken edit keeps the previous version serving and logs
 * exactly where it is broken (file, entry, field). The first load must succeed: it throws otherwise.
 */
export async function watchKnowledge<T>(
  options: WatchKnowledgeOptions<T>,
): Promise<KnowledgeWatch<Awaited<T>>> {
  const { dir, logger } = options;
  let kb = loadKnowledgeBase(dir);
  let served = await options.build(kb);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  /** Bumped by every reload, so a slow build never replaces a newer one that finished first. */
  let generation = 0;
  const watchers = new Map<string, FSWatcher>();

  async function reload(): Promise<void> {
    timer = null;
    if (closed) return;
    watchFolders();
    const mine = ++generation;
    let next: KnowledgeBase;
    let built: Awaited<T>;
    try {
      next = loadKnowledgeBase(dir);
      if (next.version === kb.version) return;
      built = await options.build(next);
    } catch (error) {
      const where =
        error instanceof KnowledgeBaseError
          ? { file: error.file, entryId: error.entryId, field: error.field, problem: error.problem }
          : { err: error };
      logger.error(
        { ...where, servingVersion: kb.version },
        `data not reloaded: ${(error as Error).message}`,
      );
      options.onError?.(error);
      return;
    }
    if (closed || mine !== generation) return;
    const previousVersion = kb.version;
    kb = next;
    served = built;
    logger.info({ version: kb.version, previousVersion, entries: kb.entries.length }, "data reloaded");
    options.onReload?.(kb);
  }

  function schedule(): void {
    if (closed) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void reload(), options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /** Folders may come and go (a curator adds one); watch whatever exists now. */
  function watchFolders(): void {
    let present: string[];
    try {
      present = folders(dir);
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

  watchFolders();
  return {
    current: () => served,
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
