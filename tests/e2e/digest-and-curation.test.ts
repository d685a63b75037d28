import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { ACTION_IDS, encodeFeedback } from "../../src/blocks/actions.js";
import { BLOCK_TEXT } from "../../src/blocks/messages.js";
import { digestProblems } from "../../src/commands/messages.js";
import { type Config, loadConfig } from "../../src/config/env.js";
import { DIGEST_MESSAGES, DIGEST_COMMAND_MESSAGES as M } from "../../src/digest/messages.js";
import { type KnowledgeBase, loadKnowledgeBase } from "../../src/knowledge/load.js";
import { type RunningApp, startApp } from "../../src/start.js";
import { FakeSlackApi } from "../helpers/fake-slack-api.js";
import { buttonClick, SlackRequests } from "../helpers/slack-requests.js";

/**
 * The running app with its real parts: SQLite in a temp DATA_DIR, a temp copy of data/ that the tests
 * edit, the digest scheduler checking every second, and a fake Slack Web API.
 */

const SIGNING_SECRET = "e2e-digest-signing-secret";
const ENTRY_FILE = "qa/negotiations.yml";
const ENTRY_ID = "zelenskyy-offer";

let fake: FakeSlackApi;
let app: RunningApp;
let slack: SlackRequests;
let config: Config;
let kb: KnowledgeBase;
let dataDir: string;
let knowledgeDir: string;
const logLines: string[] = [];

async function start(): Promise<void> {
  app = await startApp(config, { logDestination: { write: (line: string) => logLines.push(line) } });
  slack = new SlackRequests(`http://127.0.0.1:${app.port}/slack/events`, SIGNING_SECRET);
}

async function command(text: string, channel = "C0001"): Promise<Record<string, unknown>> {
  const ack = await slack.command(text, fake.responseUrl("digest"), { channel_id: channel });
  expect(ack.status).toBe(200);
  return JSON.parse(ack.body) as Record<string, unknown>;
}

async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Rewrites one field of one entry in the temp copy of the data, as a curator's editor would. */
function editEntry(field: string, value: unknown): void {
  const path = join(knowledgeDir, ENTRY_FILE);
  const doc = parseDocument(readFileSync(path, "utf8"));
  const entries = doc.get("entries") as {
    items: { get(key: string): unknown; set(k: string, v: unknown): void }[];
  };
  const entry = entries.items.find((item) => item.get("id") === ENTRY_ID);
  if (entry === undefined) throw new Error(`${ENTRY_ID} is not in ${ENTRY_FILE}`);
  entry.set(field, value);
  writeFileSync(path, doc.toString());
}

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  dataDir = mkdtempSync(join(tmpdir(), "talks-e2e-store-"));
  knowledgeDir = mkdtempSync(join(tmpdir(), "talks-e2e-data-"));
  cpSync("data", knowledgeDir, { recursive: true });
  kb = loadKnowledgeBase(knowledgeDir);
  config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-e2e-digest-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    KNOWLEDGE_DIR: knowledgeDir,
    DATA_DIR: dataDir,
    DIGEST_CHECK_SECONDS: "1",
    LOG_LEVEL: "info",
  });
  await start();
});

afterAll(async () => {
  await app?.stop();
  await fake?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(knowledgeDir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.reset();
});

describe("/talks digest, end to end on SQLite", () => {
  it("stores the app's data in SQLite under DATA_DIR", () => {
    expect(app.storage.kind).toBe("sqlite");
  });

  it("subscribes the channel at the time and zone given, and the reply says so", async () => {
    const reply = await command("digest on 08:30 Europe/Kyiv");
    expect(reply.response_type).toBe("ephemeral");
    expect([
      M.subscribed("08:30", "Europe/Kyiv", true, "changes"),
      M.subscribed("08:30", "Europe/Kyiv", false, "changes"),
    ]).toContain(reply.text);
  });

  it("shows the subscription in `digest status`", async () => {
    const reply = await command("digest status");
    expect(String(reply.text)).toContain(M.statusEnabled("08:30", "Europe/Kyiv", "changes"));
    expect(String(reply.text)).toContain(M.neverDelivered);
  });

  it("lists the subscribed channels and their times in the App Home", async () => {
    await slack.event({ type: "app_home_opened", user: "U0001", channel: "D0001", tab: "home" });
    const [published] = await fake.waitForCalls("views.publish");
    const view = JSON.stringify(published?.body.view);
    expect(view).toContain(BLOCK_TEXT.digestTitle);
    expect(view).toContain("<#C0001> at 08:30 Europe/Kyiv, changes only");
  });

  it("shows the digest now, ephemerally, with `digest preview`", async () => {
    const reply = await command("digest preview");
    expect(reply.response_type).toBe("ephemeral");
    // The data is from 22 July 2025 and the clock is real: the digest opens with how old it is.
    expect(String(reply.text)).toMatch(
      /^From 22 Jul 2025 — .+ old; nothing newer in the data\.\nTalks digest — /,
    );
    expect(JSON.stringify(reply.blocks)).toContain(DIGEST_MESSAGES.statusTitle);
    expect(fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("refuses a bad time and a bad zone with a clear message and an example", async () => {
    const badTime = await command("digest on 25:00 Europe/Kyiv");
    expect(badTime.text).toBe(digestProblems.badTime("25:00"));
    const badZone = await command("digest on 09:00 Mars/Olympus");
    expect(badZone.text).toBe(digestProblems.badTimeZone("Mars/Olympus"));
    for (const reply of [badTime, badZone]) expect(String(reply.text)).toContain("/talks digest on 09:00");
    expect(String((await command("digest status")).text)).toContain(
      M.statusEnabled("08:30", "Europe/Kyiv", "changes"),
    );
  });

  it("stops with `digest off`", async () => {
    expect((await command("digest off")).text).toBe(M.unsubscribed);
    expect((await command("digest status")).text).toBe(M.notSubscribed("UTC"));
  });

  it("posts a due digest from the running app's scheduler, once", async () => {
    const yesterday = new Date(Date.now() - 86_400_000);
    await app.storage.subscribe({
      teamId: "T0001",
      channelId: "C0DIGEST",
      time: "00:00",
      timeZone: "UTC",
      cadence: null,
      createdBy: "U0001",
      now: yesterday,
    });
    const [posted] = await fake.waitForCalls("chat.postMessage", 1, 5_000);
    expect(posted?.body).toMatchObject({
      channel: "C0DIGEST",
      text: expect.stringMatching(/^From 22 Jul 2025 — .+ old; nothing newer in the data\.\nTalks digest — /),
    });
    const today = new Date().toISOString().slice(0, 10);
    const delivery = await eventually(async () => {
      const found = await app.storage.getDelivery("C0DIGEST", today);
      return found?.state === "delivered" ? found : undefined;
    });
    expect(delivery.messageTs).toMatch(/^\d+\.\d+$/);
    // Further checks (one a second) find it delivered and post nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    await app.storage.unsubscribe("C0DIGEST");
  });
});

describe("what the bot remembers survives a restart", () => {
  it("keeps a feedback click, a logged question (with its workspace, without its user) and a subscription", async () => {
    const entry = kb.entries[0];
    if (entry === undefined) throw new Error("the data has no entries");
    const value = encodeFeedback({ entryId: entry.id, helpful: false, normalisedQuestion: "restart check" });
    await slack.blockAction(
      buttonClick(
        { action_id: ACTION_IDS.feedbackUnhelpful, value },
        { responseUrl: fake.responseUrl("fb") },
      ),
    );
    await fake.waitForCalls("response_url");
    await command(`ask ${entry.question}`);
    await command("digest on 07:15 America/New_York", "C0NY");

    await app.stop();
    await start();

    const since = new Date(Date.now() - 60_000);
    const { unhelpful } = await app.storage.reportRecords({ since, lowConfidenceBelow: 0 });
    expect(unhelpful).toContainEqual(
      expect.objectContaining({ entryId: entry.id, helpful: false, normalisedQuestion: "restart check" }),
    );
    const questions = await app.storage.questionsSince(since, "T0001");
    expect(questions).toContainEqual(expect.objectContaining({ teamId: "T0001", entryId: entry.id }));
    expect(JSON.stringify(questions)).not.toContain("U0001");
    expect(String((await command("digest status", "C0NY")).text)).toContain(
      M.statusEnabled("07:15", "America/New_York", "changes"),
    );
  });
});

describe("hot reload of the data", () => {
  const entry = () => kb.entryById.get(ENTRY_ID);

  it("answers with an edited entry without a restart", async () => {
    const question = entry()?.question ?? "";
    expect(String((await command(`ask ${question}`)).text)).toContain(entry()?.answer.slice(0, 40));
    const edited = `${entry()?.answer} (Edited by the hot reload test.)`;
    editEntry("answer", edited);
    const text = await eventually(async () => {
      const reply = String((await command(`ask ${question}`)).text);
      return reply.includes("(Edited by the hot reload test.)") ? reply : undefined;
    });
    expect(text).toContain("(Edited by the hot reload test.)");
    expect(app.getEngine().kb.entryById.get(ENTRY_ID)?.answer).toBe(edited);
  });

  it("keeps serving the previous data after a broken edit and logs the file, entry and field", async () => {
    const question = entry()?.question ?? "";
    const servingVersion = app.getEngine().kb.version;
    editEntry("asOf", "last Tuesday");
    const logged = await eventually(() =>
      logLines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.level === "error" && line.entryId === ENTRY_ID),
    );
    expect(logged).toMatchObject({ file: expect.stringContaining("negotiations.yml"), field: "asOf" });
    expect(String(logged.msg)).toContain("data not reloaded");
    expect(app.getEngine().kb.version).toBe(servingVersion);
    expect(String((await command(`ask ${question}`)).text)).toContain("(Edited by the hot reload test.)");
  });
});
