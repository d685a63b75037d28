import { describe, expect, it } from "vitest";
import {
  DECLINE_TEXT,
  EVIDENCE_LABEL,
  SOURCES_LABEL,
  SUGGESTIONS_INTRO,
} from "../../src/answers/messages.js";
import { formatSources, renderAnswerText } from "../../src/answers/render-text.js";
import type { Answer } from "../../src/answers/types.js";

const answered: Answer = {
  answered: true,
  text: "A third round of negotiations was scheduled for 23 July 2025 in Istanbul.",
  sources: [
    { outlet: "AP News", date: "2025-07-22", title: "Talks" },
    { outlet: "Newsmax", date: "2025-07-22", title: "Talks" },
  ],
  confidence: 0.93,
  id: "third-round",
  asOf: "2025-07-22",
  evidence: "a third round of negotiations scheduled for July 23, 2025, in Istanbul",
  suggestions: [],
};

const declined: Answer = {
  answered: false,
  text: DECLINE_TEXT,
  sources: [],
  confidence: 0.4,
  id: null,
  asOf: null,
  evidence: null,
  suggestions: [
    { id: "zelenskyy-sanctions", question: "What does Zelenskyy want on sanctions?" },
    { id: "european-sanctions", question: "What are European leaders doing about sanctions?" },
  ],
};

describe("formatSources", () => {
  it("lists the outlets of one date together", () => {
    expect(formatSources(answered.sources)).toBe("AP News, Newsmax (22 Jul 2025)");
  });

  it("groups outlets by date, oldest first", () => {
    expect(
      formatSources([
        { outlet: "POLITICO", date: "2025-07-24" },
        { outlet: "AP News", date: "2025-07-22" },
      ]),
    ).toBe("AP News (22 Jul 2025); POLITICO (24 Jul 2025)");
  });
});

describe("renderAnswerText", () => {
  it("shows the answer, its sources, its age and the quote", () => {
    const text = renderAnswerText(answered, new Date("2026-11-26T12:00:00Z"));
    expect(text.split("\n")).toEqual([
      answered.text,
      "",
      `${SOURCES_LABEL} AP News, Newsmax (22 Jul 2025)`,
      "As of 22 Jul 2025 — 16 months ago",
      `${EVIDENCE_LABEL} “${answered.evidence}”`,
    ]);
  });

  it("leaves the age out while the information is fresh", () => {
    const text = renderAnswerText(answered, new Date("2025-07-23T12:00:00Z"));
    expect(text).toContain("As of 22 Jul 2025\n");
    expect(text).not.toContain("ago");
  });

  it("shows a decline with its suggestions", () => {
    expect(renderAnswerText(declined, new Date()).split("\n")).toEqual([
      DECLINE_TEXT,
      SUGGESTIONS_INTRO,
      "  • What does Zelenskyy want on sanctions?",
      "  • What are European leaders doing about sanctions?",
    ]);
  });

  it("shows a bare decline when nothing is close", () => {
    expect(renderAnswerText({ ...declined, suggestions: [] }, new Date())).toBe(DECLINE_TEXT);
  });
});
