import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/console/console.js";
import {
  CONSOLE_BANNER,
  CONSOLE_DIGEST,
  CONSOLE_DIGEST_STATUS,
  CONSOLE_PICK_SUGGESTION,
} from "../../src/console/messages.js";
import { createDigestBuilder } from "../../src/digest/build.js";
import { DIGEST_COMMAND_MESSAGES, DIGEST_MESSAGES } from "../../src/digest/messages.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { ANSWERED, FakeEngine } from "../helpers/knowledge.js";
import { captureLogs } from "../helpers/log-capture.js";

async function runLines(lines: string[], engine = new FakeEngine(), withDigest = false) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const questionLog = createMemoryStorage();
  const digest = {
    storage: questionLog,
    buildDigest: createDigestBuilder({
      knowledge: () => engine.kb,
      storage: questionLog,
      staleAfterDays: 14,
    }),
    defaultTimeZone: "UTC",
  };
  const done = runConsole({
    ...(withDigest ? { digest } : {}),
    input,
    output,
    getEngine: () => engine,
    now: () => new Date("2026-11-25T12:00:00Z"),
    staleAfterDays: 14,
    questionLog,
    logger: captureLogs().logger,
  });
  input.end(`${lines.join("\n")}\n`);
  await done;
  return { text, questionLog, engine };
}

describe("local console", () => {
  it("says on its first line that it is the local console and why", async () => {
    const { text } = await runLines([]);
    expect(text.split("\n")[0]).toBe(CONSOLE_BANNER);
    expect(CONSOLE_BANNER).toContain("local console");
    expect(CONSOLE_BANNER).toContain("no Slack credentials");
  });

  it("answers /talks, @talks and plain questions the same way, rendered as text", async () => {
    const { text, questionLog, engine } = await runLines([
      "/talks next round?",
      "@talks next round",
      "next round",
    ]);
    expect(engine.calls).toEqual(["next round?", "next round", "next round"]);
    expect(text.split(ANSWERED.text)).toHaveLength(4);
    expect(text).toContain("Source: “Talks resume in Istanbul” (22 Jul 2025), citing AP News, Newsmax");
    expect(text).toContain("⚠️ From 22 Jul 2025 — 16 months old; nothing newer in the data.");
    expect(text).toContain("[👍 Yes] [👎 No]");
    expect(text).not.toContain('"type"');
    expect(await questionLog.questionsSince(new Date(0))).toHaveLength(3);
  });

  it("shows the status card and help", async () => {
    const { text, engine } = await runLines(["/talks status", "/talks help"]);
    expect(text).toContain("Where the talks stand");
    expect(text).toContain(engine.kb.status.summary);
    expect(text).toContain("How to use talks bot");
  });

  it("lets a suggestion be picked by its number", async () => {
    const { text } = await runLines(["what about the weather", "1"]);
    expect(text).toContain("I don't have an answer to that.");
    expect(text).toContain(CONSOLE_PICK_SUGGESTION(3));
    expect(text).toContain(ANSWERED.text);
  });

  it("explains that subscribing needs Slack", async () => {
    const { text } = await runLines(["/talks digest on 09:00"]);
    expect(text).toContain(CONSOLE_DIGEST);
    const wired = await runLines(["/talks digest on 09:00", "/talks digest off"], new FakeEngine(), true);
    expect(wired.text.split(CONSOLE_DIGEST)).toHaveLength(3);
    expect(await wired.questionLog.listSubscriptions()).toEqual([]);
  });

  it("previews the digest the local channel would get now, counting the questions asked in the console", async () => {
    const { text } = await runLines(
      ["next round", "what about the weather", "/talks digest preview"],
      new FakeEngine(),
      true,
    );
    expect(text).toContain(DIGEST_COMMAND_MESSAGES.previewDigest("changes"));
    expect(text).toContain("⚠️ From 22 Jul 2025 — 16 months old; nothing newer in the data.");
    expect(text).toContain(DIGEST_MESSAGES.header("Wednesday", "2026-11-25"));
    expect(text).toContain(DIGEST_MESSAGES.questionTotals(2, 1));
    expect(text).not.toContain('"type"');
  });

  it("shows the digest status: the console gets none itself, and the channels subscribed in the store", async () => {
    const empty = await runLines(["/talks digest status"], new FakeEngine(), true);
    expect(empty.text).toContain(CONSOLE_DIGEST_STATUS.intro);
    expect(empty.text).toContain(CONSOLE_DIGEST_STATUS.none);

    const engine = new FakeEngine();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    const storage = createMemoryStorage();
    await storage.subscribe({
      teamId: "T1",
      channelId: "C0DIGEST",
      time: "08:30",
      timeZone: "Europe/Kyiv",
      cadence: "daily",
      createdBy: "U1",
      now: new Date("2026-11-01T00:00:00Z"),
    });
    const done = runConsole({
      input,
      output,
      getEngine: () => engine,
      now: () => new Date("2026-11-25T12:00:00Z"),
      staleAfterDays: 14,
      questionLog: storage,
      logger: captureLogs().logger,
      digest: {
        storage,
        buildDigest: createDigestBuilder({ knowledge: () => engine.kb, storage, staleAfterDays: 14 }),
        defaultTimeZone: "UTC",
      },
    });
    input.end("/talks digest status\n");
    await done;
    expect(text).toContain(CONSOLE_DIGEST_STATUS.subscribedIntro(1));
    expect(text).toContain("• C0DIGEST (T1) at 08:30 Europe/Kyiv, every day");
  });

  it("apologises for a line it cannot answer and keeps going", async () => {
    const engine = new FakeEngine();
    engine.failWith = new Error("boom");
    const { text } = await runLines(["next round", "/talks help"], engine);
    expect(text).toContain("Something went wrong");
    expect(text).toContain("How to use talks bot");
  });
});
