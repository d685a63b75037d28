import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { analyseText } from "../../src/drafting/analyse.js";
import { isoDateOf } from "../../src/drafting/dates.js";
import { draftFromDocument } from "../../src/drafting/draft.js";
import { loadKnowledgeBase, phrasingKey } from "../../src/knowledge/load.js";
import {
  entrySchema,
  type SourceDocument,
  statusSchema,
  timelineEventSchema,
} from "../../src/knowledge/schema.js";

const SEED_ID = "2025-07-22-zelenskyy-offer-to-negotiate";
const curated = loadKnowledgeBase("data");
const seed = curated.documents.get(SEED_ID) as SourceDocument;
const drafts = draftFromDocument(seed, { phrasingKey });
const scratch: string[] = [];

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Numbers as prose writes them: 10, 2022, 1,000. */
const numbersIn = (text: string) => [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((match) => match[0]);

describe("drafting from the seed article", () => {
  it("drafts an entry or more from each sentence, each valid by the schema qa/ uses", () => {
    const sentences = analyseText(seed.text, seed.outlets).sentences.length;
    expect(drafts.entries.length).toBeGreaterThanOrEqual(sentences);
    for (const entry of drafts.entries) expect(entrySchema.safeParse(entry).success, entry.id).toBe(true);
    expect(new Set(drafts.entries.map((entry) => entry.id)).size).toBe(drafts.entries.length);
  });

  it("copies every piece of evidence verbatim, and gives three or more distinct phrasings besides the question", () => {
    for (const entry of drafts.entries) {
      expect(seed.text.includes(entry.evidence), entry.id).toBe(true);
      const keys = [entry.question, ...entry.alternates].map(phrasingKey);
      expect(entry.alternates.length, entry.id).toBeGreaterThanOrEqual(3);
      expect(new Set(keys).size, entry.id).toBe(keys.length);
    }
  });

  it("attributes each claim to the outlet its sentence names, or to the article's lead outlets", () => {
    for (const entry of drafts.entries) {
      const named = seed.outlets.filter((outlet) => entry.evidence.includes(outlet));
      const cited = entry.sources.flatMap((source) => source.outlets);
      expect(cited, entry.id).toEqual(named.length > 0 ? named : ["AP News", "Newsmax"]);
      if (!entry.tags.includes("open-question")) {
        for (const outlet of cited) expect(entry.answer, entry.id).toContain(outlet);
      }
    }
    const pbs = drafts.entries.find((entry) => entry.evidence.includes("PBS News claims"));
    expect(pbs?.answer).toBe(
      "According to PBS News, Trump’s waning commitment, as demonstrated by U.S. Defense Secretary Pete Hegseth’s absence from a crucial NATO meeting, casts doubt on Western unity.",
    );
  });

  it("invents nothing: no number, outlet or URL the article does not give", () => {
    const everything = JSON.stringify(drafts);
    expect(everything).not.toMatch(/https?:\/\//);
    for (const entry of drafts.entries) {
      expect(
        numbersIn(entry.answer).filter((number) => !seed.text.includes(number)),
        entry.id,
      ).toEqual([]);
      expect(entry.asOf).toBe(seed.date);
    }
  });

  it("splits a sentence stating two things into two entries, and drafts a question the article leaves open", () => {
    const kyiv = drafts.entries.find(
      (entry) => entry.evidence === "However, Kyiv rejects these demands as surrender",
    );
    const russia = drafts.entries.find((entry) => entry.evidence.startsWith("Russia insists on"));
    expect(kyiv?.answer).toBe("According to AP News and Newsmax, Kyiv rejects these demands as surrender.");
    expect(russia?.question).toBe("What does Russia insist on?");
    const open = drafts.entries.find((entry) => entry.evidence.startsWith("Will Zelenskyy’s demand"));
    expect(open?.tags).toContain("open-question");
    expect(open?.answer).toContain("The article leaves this open");
  });

  it("marks the entry about the third round with its scheduled date, so the bot can say once it has passed", () => {
    const third = drafts.entries.find((entry) => entry.evidence.includes("July 23, 2025"));
    expect(third?.scheduledEvent).toEqual({ date: "2025-07-23", label: "The third round of negotiations" });
  });

  it("drafts timeline events from dated sentences, with verbatim evidence, the future one as scheduled", () => {
    expect(drafts.timeline.map((event) => event.date)).toEqual([
      "2022-11",
      "2025-05-19",
      "2025-07-22",
      "2025-07-22",
      "2025-07-23",
    ]);
    for (const event of drafts.timeline) {
      expect(timelineEventSchema.safeParse(event).success).toBe(true);
      expect(seed.text.includes(event.evidence)).toBe(true);
    }
    expect(drafts.timeline.at(-1)?.label).toBe("Third round of negotiations, scheduled as of 22 Jul 2025");
  });

  it("proposes a status card from the article's own sentences, with the next scheduled event", () => {
    expect(statusSchema.safeParse(drafts.status).success).toBe(true);
    expect(drafts.status.nextEvent).toEqual({ date: "2025-07-23", label: "Third round of negotiations" });
    expect(drafts.status.positions.russia).toContain("Russia insists on");
    expect(drafts.status.positions.ukraine).toContain("Zelenskyy");
    expect(drafts.status.asOf).toBe(seed.date);
  });

  it("loads cleanly once a curator moves the drafts into qa/, timeline.yml and status.yml as they are", () => {
    const dir = mkdtempSync(join(tmpdir(), "talks-drafted-"));
    scratch.push(dir);
    cpSync("data/documents", join(dir, "documents"), { recursive: true });
    mkdirSync(join(dir, "qa"));
    writeFileSync(join(dir, "qa", "drafted.yml"), stringify({ entries: drafts.entries }));
    writeFileSync(join(dir, "status.yml"), stringify(drafts.status));
    writeFileSync(join(dir, "timeline.yml"), stringify({ events: drafts.timeline }));
    const kb = loadKnowledgeBase(dir);
    expect(kb.entries.map((entry) => entry.id)).toEqual(drafts.entries.map((entry) => entry.id));
  });

  it("never reuses a phrasing already taken by another entry", () => {
    const taken = new Set(
      curated.entries.flatMap((entry) => [entry.question, ...entry.alternates].map(phrasingKey)),
    );
    const beside = draftFromDocument(seed, { phrasingKey, takenPhrasings: taken });
    for (const entry of beside.entries) {
      for (const phrasing of [entry.question, ...entry.alternates])
        expect(taken.has(phrasingKey(phrasing))).toBe(false);
    }
  });
});

describe("drafting from another article", () => {
  const article: SourceDocument = {
    id: "2026-03-04-geneva-talks",
    title: "Talks resume in Geneva",
    date: "2026-03-04",
    outlets: ["Reuters", "BBC News"],
    text: "According to Reuters, Russian and Ukrainian delegations met in Geneva on March 3, 2026. BBC News reports that both sides agreed to exchange 300 prisoners. A fourth round is scheduled for April 2, 2026, in Geneva.",
  };
  const geneva = draftFromDocument(article, { phrasingKey });

  it("attributes each sentence to its own outlet, and the unattributed one to the lead outlet", () => {
    const sources = geneva.entries.map((entry) => entry.sources[0]?.outlets);
    expect(sources).toEqual([["Reuters"], ["BBC News"], ["Reuters"]]);
    expect(geneva.entries[1]?.answer).toBe(
      "According to BBC News, both sides agreed to exchange 300 prisoners.",
    );
  });

  it("dates the meeting and the scheduled round, in the article's own words", () => {
    expect(geneva.timeline.map((event) => [event.date, event.evidence])).toEqual([
      [
        "2026-03-03",
        "According to Reuters, Russian and Ukrainian delegations met in Geneva on March 3, 2026.",
      ],
      ["2026-04-02", "A fourth round is scheduled for April 2, 2026, in Geneva."],
    ]);
    expect(geneva.status.nextEvent?.date).toBe("2026-04-02");
  });
});

describe("dates the NLP library finds", () => {
  const tokens = (text: string) => analyseText(text, []).tokens.filter((token) => token.text.trim() !== "");

  it("become YYYY-MM-DD, or YYYY-MM when only the month is given; a missing year is the article's", () => {
    expect(isoDateOf(tokens("July 23, 2025"), 2025)).toBe("2025-07-23");
    expect(isoDateOf(tokens("November 2022"), 2025)).toBe("2022-11");
    expect(isoDateOf(tokens("July 22"), 2025)).toBe("2025-07-22");
  });

  it("are left out when they name no month or no real day", () => {
    expect(isoDateOf(tokens("recent months"), 2025)).toBeNull();
    expect(isoDateOf(tokens("June 31, 2025"), 2025)).toBeNull();
  });
});
