import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../config/env.js";
import { loadMeaningModel } from "../matching/semantic/meaning-model.js";
import { startApp } from "../start.js";
import { BOT_TOKEN, drive, SIGNING_SECRET, STUB_SLACK } from "./ack-bench.js";
import { writeMoreEntries } from "./large-knowledge.js";
import { measureReload, type ReloadFigures } from "./measure-reload.js";
import { percentile, startStubSlack } from "./support.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MORE_ENTRIES = 10_000;
const TARGET_STALL_MS = 100;

/** How long the bot's acks took while the whole window ran, a release being switched in at its start. */
const ACK_WINDOW_SECONDS = 40;
/** Four connections, each sending ten requests a second. */
const ACK_LOAD = { connections: 4, ratePerConnection: 10 };

/**
 * The real app (HTTP mode, a stub Slack, matching by words alone) acking `/talks status` from a load
 * generator in a worker thread, while a release of MORE_ENTRIES more entries is switched in.
 */
async function measureAcksDuringRelease(root: string): Promise<void> {
  const served = join(root, "acks-served");
  const release = join(root, "acks-release");
  cpSync(join(REPO_ROOT, "data"), served, { recursive: true });
  cpSync(join(REPO_ROOT, "data"), release, { recursive: true });
  writeMoreEntries(release, MORE_ENTRIES);
  const stub = await startStubSlack(STUB_SLACK);
  const app = await startApp(
    loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${stub.url}/api/`,
      PORT: "0",
      KNOWLEDGE_DIR: served,
      DATA_DIR: join(root, "acks-var"),
      LOG_LEVEL: "silent",
    }),
    { meaning: null },
  );
  try {
    // A round first, discarded: the first requests pay for compilation and connections, not the reload.
    await drive(app.port as number, "status", `${stub.url}/response`, { ...ACK_LOAD, seconds: 3 });
    const before = app.getEngine().kb.version;
    const load = drive(app.port as number, "status", `${stub.url}/response`, {
      ...ACK_LOAD,
      seconds: ACK_WINDOW_SECONDS,
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const started = performance.now();
    renameSync(served, join(root, "acks-previous"));
    renameSync(release, served);
    while (app.getEngine().kb.version === before) await new Promise((resolve) => setTimeout(resolve, 50));
    const reloadMs = performance.now() - started;
    const { requests, errors, latenciesMs } = await load;
    const acks = [...latenciesMs].sort((a, b) => a - b);
    console.log(
      `  acks of /talks status by the real app, ${ACK_WINDOW_SECONDS} s window, the release switched in ` +
        `after 1 s and served after ${(reloadMs / 1000).toFixed(1)} s: ${requests} requests, ${errors} errors; ` +
        `p50 ${percentile(acks, 50).toFixed(1)} ms, p99 ${percentile(acks, 99).toFixed(1)} ms, ` +
        `max ${(acks.at(-1) ?? Number.NaN).toFixed(0)} ms, over ${TARGET_STALL_MS} ms: ` +
        `${acks.filter((ms) => ms > TARGET_STALL_MS).length}`,
    );
  } finally {
    await app.stop();
    stub.child.kill();
  }
}

function report(label: string, figures: ReloadFigures): void {
  const { askMs } = figures;
  console.log(
    `  ${label}: reload ${(figures.reloadMs / 1000).toFixed(1)} s; event loop held at most ` +
      `${figures.longestStallMs.toFixed(0)} ms (p99 ${figures.stallP99Ms.toFixed(0)} ms, target ` +
      `< ${TARGET_STALL_MS} ms); ${askMs.length} questions meanwhile, p50 ${percentile(askMs, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(askMs, 99).toFixed(0)} ms, max ${(askMs.at(-1) ?? Number.NaN).toFixed(0)} ms`,
  );
}

/**
 * What a reload costs the requests served meanwhile: a release of 10,000 more entries (matched by words:
 * embedding 100,000 new phrasings would take the model half an hour), measured in-process and as the real
 * app's acks, and a curator's edit of one entry with the meaning model, which embeds only the edited
 * phrasings.
 */
export async function runReloadBench(): Promise<void> {
  console.log("Reload bench (the data served and rebuilt as the app does; a question every 20 ms)");
  const root = mkdtempSync(join(tmpdir(), "talks-reload-bench-"));
  try {
    // A release: the new folder is written first, then switched in with a rename (as a deploy does).
    const served = join(root, "served");
    const release = join(root, "release");
    cpSync(join(REPO_ROOT, "data"), served, { recursive: true });
    cpSync(join(REPO_ROOT, "data"), release, { recursive: true });
    writeMoreEntries(release, MORE_ENTRIES);
    report(
      `a release of ${MORE_ENTRIES} more entries, words alone`,
      await measureReload(served, null, () => {
        renameSync(served, join(root, "previous"));
        renameSync(release, served);
      }),
    );

    await measureAcksDuringRelease(root);

    const meaning = await loadMeaningModel((error) => console.log(`  meaning model unavailable: ${error}`));
    if (meaning === null) return;
    const edited = join(root, "edited");
    cpSync(join(REPO_ROOT, "data"), edited, { recursive: true });
    const file = join(edited, "qa", "negotiations.yml");
    // Phrasings no cache holds, so the edit is embedded as a curator's new phrasings would be.
    const mark = `bench ${Date.now()}`;
    report(
      "one entry edited (8 new phrasings), with the meaning model",
      await measureReload(edited, meaning, () =>
        writeFileSync(
          file,
          readFileSync(file, "utf8").replace(
            /alternates:\n/,
            `alternates:\n${Array.from({ length: 8 }, (_, i) => `      - next round question ${i} ${mark}\n`).join("")}`,
          ),
        ),
      ),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
