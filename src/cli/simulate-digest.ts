import { parseArgs } from "node:util";
import { DEFAULT_STALE_AFTER_DAYS } from "../answers/age.js";
import { renderMessage } from "../console/render-blocks.js";
import { simulateDigestDays } from "../digest/simulate.js";

/**
 * Prints one channel's digests over simulated days (default: ten from 1 Dec 2026, the data changed on
 * the third morning), through the real scheduler and builder, without Slack.
 */
const { values } = parseArgs({
  options: {
    days: { type: "string", default: "10" },
    "change-on-day": { type: "string", default: "3" },
    "first-day": { type: "string", default: "2026-12-01" },
    daily: { type: "boolean", default: false },
  },
});

const LABEL = { digest: "the full digest", notice: "the one-line note", skipped: "nothing" } as const;

const simulation = await simulateDigestDays({
  knowledgeDir: process.env.KNOWLEDGE_DIR || "data",
  firstDay: values["first-day"],
  days: Number(values.days),
  changeOnDay: Number(values["change-on-day"]),
  cadence: values.daily ? "daily" : "changes",
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
});

simulation.days.forEach((day, index) => {
  process.stdout.write(`\n━━ Day ${index + 1}, ${day.localDate}, 09:00 UTC: ${LABEL[day.kind]}\n`);
  if (day.dataChange !== null) process.stdout.write(`   (that morning a curator ${day.dataChange})\n`);
  if (day.message !== null) {
    const text = renderMessage(day.message);
    process.stdout.write(`${text.replace(/^/gm, "   │ ")}\n`);
  }
});
process.stdout.write(`\n━━ /talks digest status afterwards\n${simulation.status.replace(/^/gm, "   │ ")}\n`);
process.stdout.write(
  `\nSummary: ${simulation.days.map((day) => `${day.localDate.slice(5)} ${LABEL[day.kind]}`).join(" · ")}\n`,
);
