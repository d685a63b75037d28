import type { Readable, Writable } from "node:stream";
import type { DestinationStream } from "pino";
import { createAnswerEngine } from "./answers/engine.js";
import { MEANING_MODEL_UNAVAILABLE } from "./answers/messages.js";
import type { AnswerEngine } from "./answers/types.js";
import type { Config } from "./config/env.js";
import { runConsole } from "./console/console.js";
import { MAX_SUGGESTED_PROMPTS } from "./conversation/suggested-prompts.js";
import { watchKnowledge } from "./curation/watch-knowledge.js";
import { createDigestBuilder } from "./digest/build.js";
import { createDigestCommandHandler, createHomeDigestLoader } from "./digest/commands.js";
import { createSlackDigestPoster } from "./digest/poster.js";
import { createDigestScheduler, type DigestScheduler } from "./digest/scheduler.js";
import { type HealthDeps, type HealthServer, healthRoutes, startHealthServer } from "./health/health.js";
import { timeSlices } from "./lifecycle/time-slices.js";
import { createLogDestination } from "./logging/destination.js";
import { createAppLogger, type Logger } from "./logging/logger.js";
import { loadLanguageDetector } from "./matching/reading/language.js";
import { loadMeaningModel, type MeaningModel } from "./matching/semantic/meaning-model.js";
import { createSlackApp, type SlackApp } from "./slack/app.js";
import type { SlackTokenRejectedError } from "./slack/reach-slack.js";
import { createStorageEventDeduplicator } from "./slack/storage-event-deduplicator.js";
import type { SlackAppDeps } from "./slack/types.js";
import { openStorage } from "./storage/open.js";
import type { Storage } from "./storage/types.js";

const DAY_MS = 86_400_000;

export interface StartOptions {
  /** The app's logger; by default one writing JSON lines to `logDestination`. */
  logger?: Logger;
  /** Where log lines go; defaults to stdout, or stderr in the console so answers stay readable. */
  logDestination?: DestinationStream;
  stdin?: Readable;
  stdout?: Writable;
  /** Slack dependencies to use instead of the storage-backed ones (tests). */
  overrides?: Partial<Omit<SlackAppDeps, "config" | "logger" | "getEngine">>;
  /** The meaning model to use instead of loading it; null matches by words alone (benches). */
  meaning?: MeaningModel | null;
}

export interface RunningApp {
  mode: Config["slack"]["mode"];
  logger: Logger;
  /** HTTP mode: the bound port. */
  port: number | null;
  /** Where GET /healthz answers on its own server: Socket Mode with HEALTH_PORT set, else null. */
  healthPort: number | null;
  /** What the bot remembers; open until `stop()`. */
  storage: Storage;
  /** The answer engine over the data being served now (swapped when curators edit the data). */
  getEngine: () => AnswerEngine;
  /** Delivers daily digests; null in the console, which posts nothing to Slack. */
  scheduler: DigestScheduler | null;
  /** Console: resolves when the input ends. Slack modes: resolves at once. */
  finished: Promise<void>;
  /**
   * Resolves if Slack refuses a token after start-up went on without reaching it; the app cannot
   * work from then on. Never resolves in the console.
   */
  tokenRejected: Promise<SlackTokenRejectedError>;
  /**
   * Stops taking requests and digest checks, lets the answers in flight and a digest delivery in
   * progress finish, then closes the data and the store.
   */
  stop(): Promise<void>;
}

/**
 * Loads the data, opens the store and starts the bot the config asks for: the local console without
 * Slack credentials, otherwise Bolt in HTTP or Socket Mode with the digest scheduler. Throws
 * KnowledgeBaseError on broken data, StorageUnavailableError when the store cannot be opened, and
 * SlackTokenRejectedError when Slack refuses a token.
 */
export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const slack = config.slack;
  const logger =
    options.logger ??
    createAppLogger(
      config,
      options.logDestination ??
        createLogDestination(slack.mode === "console" ? process.stderr : process.stdout),
    );
  // Loaded once, in its own thread, and shared by every version of the data the watcher builds. This thread
  // loads the language detector and reads the data meanwhile.
  const meaningLoading: Promise<MeaningModel | null> =
    options.meaning !== undefined
      ? Promise.resolve(options.meaning)
      : loadMeaningModel((error) => logger.warn({ err: error }, MEANING_MODEL_UNAVAILABLE));
  // A model the app loaded is the app's to end (its worker thread); one passed in belongs to the caller.
  const closeMeaning = async () => {
    if (options.meaning === undefined) await (await meaningLoading)?.close?.();
  };

  const knowledge = await (async () => {
    // Loaded now, the language detector never holds up a request later (0.75 s of this thread, the first
    // time a message needs it).
    await loadLanguageDetector();
    return watchKnowledge({
      dir: config.knowledgeDir,
      // A reload builds in time slices: the bot answers from the previous version meanwhile.
      build: async (kb, { reload }) =>
        createAnswerEngine(kb, { meaning: await meaningLoading, pause: reload ? timeSlices() : undefined }),
      logger,
    });
  })().catch(async (error: unknown) => {
    await closeMeaning();
    throw error;
  });
  /** Stops watching the data and ends the model: what serves questions, released together. */
  const closeAnswering = async () => {
    knowledge.close();
    await closeMeaning();
  };
  const getEngine = () => knowledge.current();
  let storage: Storage;
  try {
    storage = await openStorage({
      databaseUrl: config.databaseUrl ?? undefined,
      dataDir: config.dataDir,
      onPoolError: (error) => logger.error({ err: error }, "database connection lost"),
    });
  } catch (error) {
    await closeAnswering();
    throw error;
  }
  const buildDigest = createDigestBuilder({
    knowledge: () => getEngine().kb,
    storage,
    staleAfterDays: config.staleAfterDays,
  });
  const deps: SlackAppDeps = {
    config,
    logger,
    getEngine,
    now: () => new Date(),
    feedback: storage,
    questionLog: storage,
    // In the store, not in memory: Slack may redeliver an event to another copy of the app.
    events: createStorageEventDeduplicator({ storage, logger }),
    digest: createDigestCommandHandler({
      storage,
      defaultTimeZone: config.digestDefaultTimeZone,
      buildDigest,
    }),
    homeDigest: createHomeDigestLoader(storage),
    mostAsked: async (teamId) => {
      const since = new Date(Date.now() - config.questionLogDays * DAY_MS);
      const counted = await storage.mostAskedEntries({ since, teamId, limit: MAX_SUGGESTED_PROMPTS });
      return counted.map((entry) => entry.entryId);
    },
    ...options.overrides,
  };
  const base = { logger, storage, getEngine };

  if (slack.mode === "console") {
    const stdin = options.stdin ?? process.stdin;
    let closing: Promise<void> | null = null;
    // The file watcher and the database keep the process alive, so the end of input closes them.
    const close = () => {
      closing ??= (async () => {
        await closeAnswering();
        await storage.close();
      })();
      return closing;
    };
    const finished = runConsole({
      input: stdin,
      output: options.stdout ?? process.stdout,
      getEngine,
      now: deps.now,
      staleAfterDays: config.staleAfterDays,
      questionLog: deps.questionLog,
      digest: { storage, buildDigest, defaultTimeZone: config.digestDefaultTimeZone },
      logger,
      prompt: "isTTY" in stdin && stdin.isTTY === true,
    }).finally(close);
    return {
      ...base,
      mode: "console",
      port: null,
      healthPort: null,
      scheduler: null,
      finished,
      tokenRejected: new Promise<never>(() => undefined),
      stop: async () => {
        stdin.destroy();
        await close();
      },
    };
  }

  let slackApp: SlackApp | null = null;
  const health: HealthDeps = {
    getEngine,
    storage,
    isSlackReachable: () => slackApp?.isSlackReachable() ?? false,
  };
  slackApp = createSlackApp(slack.mode === "http" ? { customRoutes: healthRoutes(health), ...deps } : deps);
  const scheduler = createDigestScheduler({
    storage,
    poster: createSlackDigestPoster({ token: slack.botToken, slackApiUrl: slack.apiUrl }),
    buildDigest,
    logger,
    checkEverySeconds: config.digestCheckSeconds,
    questionLogDays: config.questionLogDays,
  });
  let port: number | null;
  let healthServer: HealthServer | null = null;
  try {
    // Socket Mode has no server of its own for a load balancer or orchestrator to poll; it answers
    // while Slack is still being reached.
    if (slack.mode === "socket" && config.healthPort !== null) {
      healthServer = await startHealthServer({ port: config.healthPort, deps: health });
    }
    ({ port } = await slackApp.start());
  } catch (error) {
    await Promise.all([slackApp.stop().catch(() => undefined), healthServer?.close()]);
    await closeAnswering();
    await storage.close();
    throw error;
  }
  scheduler.start();
  const kb = getEngine().kb;
  logger.info(
    {
      mode: slackApp.mode,
      port,
      healthPort: healthServer?.port ?? null,
      storage: storage.kind,
      slack: slackApp.isSlackReachable() ? "reachable" : "unreachable",
      entries: kb.entries.length,
      dataVersion: kb.version,
    },
    "talks bot is running",
  );
  return {
    ...base,
    mode: slackApp.mode,
    port,
    healthPort: healthServer?.port ?? null,
    scheduler,
    finished: Promise.resolve(),
    tokenRejected: slackApp.tokenRejected,
    stop: async () => {
      // Both wait for their work in progress (answers, a digest delivery), which still needs the store.
      await Promise.all([slackApp.stop(), scheduler.stop(), healthServer?.close()]);
      await closeAnswering();
      await storage.close();
    },
  };
}
