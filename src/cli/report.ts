import dotenv from "dotenv";
import { loadConfig } from "../config/env.js";
import { buildCuratorReport, formatCuratorReport, LOW_CONFIDENCE_BELOW } from "../curation/report.js";
import { DRAFT_CLI } from "../drafting/messages.js";
import { loadDrafts } from "../knowledge/drafts.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../knowledge/load.js";
import { openStorage } from "../storage/open.js";

/** `npm run report`: what users asked that the data could not answer well, for the curator. */

const DAY_MS = 86_400_000;

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  // The app's own settings, so the report reads the very store the app writes.
  const config = loadConfig(process.env);

  let kb: KnowledgeBase | null = null;
  try {
    kb = loadKnowledgeBase(config.knowledgeDir);
  } catch (error) {
    console.error(`Entries are shown by id only: the data did not load (${(error as Error).message})`);
  }

  const storage = await openStorage({
    databaseUrl: config.databaseUrl ?? undefined,
    dataDir: config.dataDir,
  });
  try {
    const since = new Date(Date.now() - config.questionLogDays * DAY_MS);
    const records = await storage.reportRecords({ since, lowConfidenceBelow: LOW_CONFIDENCE_BELOW });
    const report = buildCuratorReport(records, since, (id) => kb?.entryById.get(id)?.question ?? null);
    console.log(formatCuratorReport(report));
    if (kb !== null) {
      // Drafts waiting for review, checked as strictly as the served data (they are never served).
      const drafts = loadDrafts(config.knowledgeDir, kb);
      console.log(
        DRAFT_CLI.checkSummary(
          drafts.entries.length,
          drafts.timelineEvents,
          drafts.statusProposals.length,
          drafts.problems.length,
        ),
      );
      for (const problem of drafts.problems) console.log(DRAFT_CLI.problem(problem.message));
    }
  } finally {
    await storage.close();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  },
);
