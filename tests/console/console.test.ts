import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/console/console.js";
import { CONSOLE_BANNER, CONSOLE_DIGEST, CONSOLE_PICK_SUGGESTION } from "../../src/console/messages.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import { ANSWERED, FakeEngine } from "../helpers/knowledge.js";
import { captureLogs } from "../helpers/log-capture.js";

async function runLines(lines: string[], engine = new FakeEngine()) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const questionLog = createMemoryStorage();
  const done = runConsole({
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
    expect(text).toContain("From “Talks resume in Istanbul” (22 Jul 2025), citing AP News, Newsmax");
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

  it("explains that the digest needs Slack", async () => {
    const { text } = await runLines(["/talks digest on 09:00"]);
    expect(text).toContain(CONSOLE_DIGEST);
  });

  it("apologises for a line it cannot answer and keeps going", async () => {
    const engine = new FakeEngine();
    engine.failWith = new Error("boom");
    const { text } = await runLines(["next round", "/talks help"], engine);
    expect(text).toContain("Something went wrong");
    expect(text).toContain("How to use talks bot");
  });
});
