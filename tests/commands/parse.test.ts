import { describe, expect, it } from "vitest";
import { DIGEST_USAGE, digestProblems } from "../../src/commands/messages.js";
import { MAX_COMMAND_CHARS, parseTalksCommand } from "../../src/commands/parse.js";

describe("parseTalksCommand", () => {
  it.each([
    ["status", { kind: "status" }],
    ["  STATUS  ", { kind: "status" }],
    ["status?", { kind: "status" }],
    ["timeline", { kind: "timeline" }],
    ["sources", { kind: "sources" }],
    ["help", { kind: "help", unrecognised: null }],
    ["help me please", { kind: "help", unrecognised: null }],
    ["", { kind: "help", unrecognised: null }],
    ["   ", { kind: "help", unrecognised: null }],
  ])("routes %j", (text, expected) => {
    expect(parseTalksCommand(text)).toEqual(expected);
  });

  it("treats free text as a question, with or without `ask`", () => {
    expect(parseTalksCommand("what does Russia demand?")).toEqual({
      kind: "ask",
      question: "what does Russia demand?",
    });
    expect(parseTalksCommand("ask what does Russia demand?")).toEqual({
      kind: "ask",
      question: "what does Russia demand?",
    });
    expect(parseTalksCommand("Ask   when is the next round")).toEqual({
      kind: "ask",
      question: "when is the next round",
    });
  });

  it("asks when a command word starts a longer question", () => {
    expect(parseTalksCommand("status of the ceasefire")).toEqual({
      kind: "ask",
      question: "status of the ceasefire",
    });
    expect(parseTalksCommand("timeline of the talks?")).toEqual({
      kind: "ask",
      question: "timeline of the talks?",
    });
  });

  it("gives help for `ask` without a question, punctuation only, and mistyped commands", () => {
    expect(parseTalksCommand("ask")).toEqual({ kind: "help", unrecognised: null });
    expect(parseTalksCommand("???")).toEqual({ kind: "help", unrecognised: "???" });
    expect(parseTalksCommand("stauts")).toEqual({ kind: "help", unrecognised: "stauts" });
    expect(parseTalksCommand("timelin")).toEqual({ kind: "help", unrecognised: "timelin" });
  });

  it("keeps single-word questions that are not near a command", () => {
    expect(parseTalksCommand("ceasefire")).toEqual({ kind: "ask", question: "ceasefire" });
    expect(parseTalksCommand("Crimea")).toEqual({ kind: "ask", question: "Crimea" });
  });

  it("cuts very long input before doing any work", () => {
    const parsed = parseTalksCommand(`why ${"a".repeat(100_000)}`);
    expect(parsed.kind).toBe("ask");
    expect(parsed.kind === "ask" && parsed.question.length).toBeLessThanOrEqual(MAX_COMMAND_CHARS);
  });

  describe("digest", () => {
    it.each([
      ["digest off", { action: "off" }],
      ["digest status", { action: "status" }],
      ["digest PREVIEW", { action: "preview" }],
      ["digest on", { action: "on", time: null, timeZone: null, cadence: null }],
      ["digest on 9:05", { action: "on", time: "09:05", timeZone: null, cadence: null }],
      [
        "digest on 18:30 europe/kyiv",
        { action: "on", time: "18:30", timeZone: "Europe/Kyiv", cadence: null },
      ],
      [
        "digest on America/New_York",
        { action: "on", time: null, timeZone: "America/New_York", cadence: null },
      ],
      ["digest on UTC 07:00", { action: "on", time: "07:00", timeZone: "UTC", cadence: null }],
      ["digest on daily", { action: "on", time: null, timeZone: null, cadence: "daily" }],
      [
        "digest on 08:30 Europe/Kyiv changes",
        { action: "on", time: "08:30", timeZone: "Europe/Kyiv", cadence: "changes" },
      ],
      ["digest on DAILY 07:00 UTC", { action: "on", time: "07:00", timeZone: "UTC", cadence: "daily" }],
    ])("parses %j", (text, digest) => {
      expect(parseTalksCommand(text)).toEqual({ kind: "digest", digest });
    });

    it("explains bad times, zones and sub-commands with an example", () => {
      expect(parseTalksCommand("digest on 25:00")).toEqual({
        kind: "digest-invalid",
        problem: digestProblems.badTime("25:00"),
      });
      expect(parseTalksCommand("digest on 9am")).toEqual({
        kind: "digest-invalid",
        problem: digestProblems.badTime("9am"),
      });
      expect(parseTalksCommand("digest on 09:00 Mars/Olympus")).toEqual({
        kind: "digest-invalid",
        problem: digestProblems.badTimeZone("Mars/Olympus"),
      });
      expect(parseTalksCommand("digest on 09:00 UTC daily extra")).toEqual({
        kind: "digest-invalid",
        problem: digestProblems.tooManyWords,
      });
      expect(parseTalksCommand("digest on 09:00 UTC weekly")).toEqual({
        kind: "digest-invalid",
        problem: digestProblems.badTimeZone("weekly"),
      });
      expect(parseTalksCommand("digest on daily changes")).toEqual({
        kind: "digest-invalid",
        problem: digestProblems.badTimeZone("changes"),
      });
      expect(parseTalksCommand("digest weekly")).toEqual({
        kind: "digest-invalid",
        problem: digestProblems.unknownAction("weekly"),
      });
      expect(parseTalksCommand("digest")).toEqual({ kind: "digest-invalid", problem: DIGEST_USAGE });
      expect(digestProblems.badTime("25:00")).toContain("/talks digest on 09:00 Europe/Kyiv");
    });

    it("escapes the user's words quoted back in a problem", () => {
      const parsed = parseTalksCommand("digest on <!channel>");
      expect(parsed.kind).toBe("digest-invalid");
      const problem = parsed.kind === "digest-invalid" ? parsed.problem : "";
      expect(problem).toContain("&lt;!channel&gt;");
      expect(problem).not.toContain("<!channel>");
    });
  });
});
