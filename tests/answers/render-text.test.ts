import { describe, expect, it } from "vitest";
import { DECLINE_TEXT, EVIDENCE_LABEL, SUGGESTIONS_INTRO } from "../../src/answers/messages.js";
import { renderAnswerText } from "../../src/answers/render-text.js";
import { formatSources } from "../../src/answers/sources.js";
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
  it("names the article, its date and the outlets it cites", () => {
    expect(formatSources(answered.sources)).toBe("Source: “Talks” (22 Jul 2025), citing AP News, Newsmax");
  });

  it("shortens a long title at a word, and adds the URL when the document has one", () => {
    const title =
      "Ukraine-Russia Talks: Zelenskyy’s Bold Offer to Negotiate with Putin Amid Escalating Attacks";
    expect(
      formatSources([{ outlet: "AP News", date: "2025-07-22", title, url: "https://example.org/x" }]),
    ).toBe(
      "Source: “Ukraine-Russia Talks: Zelenskyy’s Bold Offer…” (22 Jul 2025), citing AP News — https://example.org/x",
    );
  });

  it("gives one part per document, oldest first, under “Sources:”; outlets known without a title by date", () => {
    expect(
      formatSources([
        { outlet: "POLITICO", date: "2025-07-24", title: "Sanctions" },
        { outlet: "AP News", date: "2025-07-22" },
      ]),
    ).toBe("Sources: AP News (22 Jul 2025); “Sanctions” (24 Jul 2025), citing POLITICO");
  });

  it("says “Source:” for one article whatever outlets it cites, “Sources:” for several outlets without one", () => {
    expect(formatSources(answered.sources).startsWith("Source: ")).toBe(true);
    expect(formatSources([{ outlet: "AP News", date: "2025-07-22" }])).toBe("Source: AP News (22 Jul 2025)");
    expect(
      formatSources([
        { outlet: "AP News", date: "2025-07-22" },
        { outlet: "Newsmax", date: "2025-07-22" },
      ]),
    ).toBe("Sources: AP News, Newsmax (22 Jul 2025)");
  });
});

describe("renderAnswerText", () => {
  it("opens with the notices it is given, then the answer, its article and the quote", () => {
    const notice = "From 22 Jul 2025 — 16 months old; nothing newer in the data.";
    const text = renderAnswerText(answered, [notice]);
    expect(text.split("\n")).toEqual([
      notice,
      answered.text,
      "",
      "Source: “Talks” (22 Jul 2025), citing AP News, Newsmax",
      `${EVIDENCE_LABEL} “${answered.evidence}”`,
    ]);
  });

  it("opens with the answer itself when there is nothing to warn about", () => {
    expect(renderAnswerText(answered, []).split("\n")[0]).toBe(answered.text);
  });

  it("shows a decline with its suggestions", () => {
    expect(renderAnswerText(declined, []).split("\n")).toEqual([
      DECLINE_TEXT,
      SUGGESTIONS_INTRO,
      "  • What does Zelenskyy want on sanctions?",
      "  • What are European leaders doing about sanctions?",
    ]);
  });

  it("shows a bare decline when nothing is close", () => {
    expect(renderAnswerText({ ...declined, suggestions: [] }, [])).toBe(DECLINE_TEXT);
  });
});
