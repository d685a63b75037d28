import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import type { EntrySource, SourceDocument } from "../../src/knowledge/schema.js";
import { MONTH_NAMES } from "../../src/matching/lexicon.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = join(repoRoot, "data");
const kb = loadKnowledgeBase(dataDir);
const documents = [...kb.documents.values()];

/** The article exactly as it was given, kept outside the repository beside it. */
const ORIGINAL_ARTICLE = resolve(repoRoot, "../shared/source/2025-07-22-zelenskyy-offer-to-negotiate.txt");

function citedDocuments(sources: readonly EntrySource[]): SourceDocument[] {
  return sources.map((source) => {
    const document = kb.documents.get(source.document);
    if (document === undefined) throw new Error(`no document ${source.document}`);
    return document;
  });
}

/** Written apart from the loader's own check, so a bug there cannot hide a clash here. */
function normalise(phrasing: string): string {
  return phrasing
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Small words that carry no meaning on their own; question words stay, since "why no ceasefire" and
// "no ceasefire" rightly belong to different entries.
const STOPWORDS = new Set(
  "a an the is are was were be been do does did of to in on for about with and or it its this that these those there s at by from any my me i you your they their will would can could has have had"
    .split(" ")
    .filter((word) => word !== ""),
);

function gist(phrasing: string): string {
  return normalise(phrasing)
    .split(" ")
    .filter((word) => !STOPWORDS.has(word))
    .sort()
    .join(" ");
}

/** Numbers as written in prose: 10, 2022, 1,000 (a trailing comma or full stop is punctuation). */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((match) => match[0]);
}

function qaFiles(): string[] {
  const dir = join(dataDir, "qa");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .map((name) => join(dir, name));
}

function allDataFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() ? allDataFiles(join(dir, item.name)) : [join(dir, item.name)],
  );
}

describe("the knowledge base in data/", () => {
  it("holds between 30 and 45 entries, each with at least 20 alternate phrasings", () => {
    expect(kb.entries.length).toBeGreaterThanOrEqual(30);
    expect(kb.entries.length).toBeLessThanOrEqual(45);
    const thin = kb.entries.filter((entry) => entry.alternates.length < 20).map((entry) => entry.id);
    expect(thin).toEqual([]);
  });

  it("uses every id once across all qa files", () => {
    const ids = qaFiles().flatMap((file) => {
      const parsed = parseYaml(readFileSync(file, "utf8")) as { entries: { id: string }[] };
      return parsed.entries.map((entry) => entry.id);
    });
    expect(ids.length).toBe(kb.entries.length);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the source document", () => {
  it.skipIf(!existsSync(ORIGINAL_ARTICLE))(
    "is the article exactly as given: title, a line break, then the text (needs ../shared/source)",
    () => {
      const document = kb.documents.get("2025-07-22-zelenskyy-offer-to-negotiate");
      expect(document).toBeDefined();
      expect(`${document?.title}\n${document?.text}`).toBe(readFileSync(ORIGINAL_ARTICLE, "utf8"));
    },
  );

  it("has no url, since none came with it, and no data file holds one that no document came with", () => {
    const knownUrls = documents.flatMap((document) => (document.url === undefined ? [] : [document.url]));
    expect(knownUrls.every((url) => documents.some((document) => document.text.includes(url)))).toBe(true);
    const invented = allDataFiles(dataDir).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bhttps?:\/\/[^\s"'<>]+/g)]
        .map((match) => match[0])
        .filter((url) => !knownUrls.includes(url))
        .map((url) => `${file}: ${url}`),
    );
    expect(invented).toEqual([]);
  });
});

describe("every entry", () => {
  it.each(kb.entries.map((entry) => [entry.id, entry] as const))(
    "%s quotes its evidence verbatim from a document it cites",
    (_, entry) => {
      const texts = citedDocuments(entry.sources).map((document) => document.text);
      expect(texts.some((text) => text.includes(entry.evidence))).toBe(true);
    },
  );

  it.each(kb.entries.map((entry) => [entry.id, entry] as const))(
    "%s cites only outlets its document names, and at least one",
    (_, entry) => {
      for (const source of entry.sources) {
        const [document] = citedDocuments([source]);
        expect(source.outlets.length).toBeGreaterThan(0);
        for (const outlet of source.outlets) expect(document?.outlets).toContain(outlet);
      }
    },
  );

  it.each(kb.entries.map((entry) => [entry.id, entry] as const))(
    "%s states no number its documents do not give",
    (_, entry) => {
      const text = citedDocuments(entry.sources)
        .map((document) => `${document.title}\n${document.text}`)
        .join("\n");
      const foreign = numbersIn(entry.answer).filter((number) => !text.includes(number));
      expect(foreign).toEqual([]);
    },
  );

  it.each(kb.entries.map((entry) => [entry.id, entry] as const))(
    "%s names in its answer only outlets it cites, and the outlet its evidence names",
    (_, entry) => {
      const cited = entry.sources.flatMap((source) => source.outlets);
      const everyOutlet = [...new Set(documents.flatMap((document) => document.outlets))];
      const named = everyOutlet.filter((outlet) => entry.answer.includes(outlet));
      expect(named.filter((outlet) => !cited.includes(outlet))).toEqual([]);
      const inEvidence = everyOutlet.filter((outlet) => entry.evidence.includes(outlet));
      for (const outlet of inEvidence) expect(entry.answer).toContain(outlet);
    },
  );

  it.each(kb.entries.map((entry) => [entry.id, entry] as const))(
    "%s is as of a date no earlier than the documents it cites",
    (_, entry) => {
      for (const document of citedDocuments(entry.sources)) {
        expect(entry.asOf >= document.date).toBe(true);
      }
    },
  );
});

describe("entries about a scheduled event", () => {
  const scheduled = kb.entries.filter((entry) => entry.scheduledEvent !== undefined);
  const MONTHS = MONTH_NAMES.map((month) => `${month[0]?.toUpperCase()}${month.slice(1)}`);

  /** "2025-07-23" as prose writes it: "July 23, 2025" or "23 July 2025". */
  function writtenForms(iso: string): string[] {
    const [year, month, day] = iso.split("-").map(Number);
    const name = MONTHS[(month ?? 1) - 1];
    return [`${name} ${day}, ${year}`, `${day} ${name} ${year}`];
  }

  it("include the third round, whose answers must say once its date has gone by", () => {
    expect(scheduled.map((entry) => entry.id)).toContain("third-round");
  });

  it.each(scheduled.map((entry) => [entry.id, entry] as const))(
    "%s gives the event's date as a document it cites states it, after that document's date",
    (_, entry) => {
      const date = entry.scheduledEvent?.date ?? "";
      const documentsCited = citedDocuments(entry.sources);
      const stated = documentsCited.some((document) =>
        writtenForms(date).some((form) => document.text.includes(form)),
      );
      expect(stated).toBe(true);
      for (const document of documentsCited) expect(date > document.date).toBe(true);
    },
  );
});

describe("phrasings", () => {
  const phrasings = kb.entries.flatMap((entry) =>
    [entry.question, ...entry.alternates].map((text) => ({ id: entry.id, text })),
  );

  function clashes(key: (text: string) => string): string[] {
    const owners = new Map<string, { id: string; text: string }>();
    const found: string[] = [];
    for (const phrasing of phrasings) {
      const owner = owners.get(key(phrasing.text));
      if (owner === undefined) owners.set(key(phrasing.text), phrasing);
      else if (owner.id !== phrasing.id)
        found.push(`"${phrasing.text}" (${phrasing.id}) ~ "${owner.text}" (${owner.id})`);
    }
    return found;
  }

  it("appear in one entry only, ignoring case and punctuation", () => {
    expect(clashes(normalise)).toEqual([]);
  });

  it("are not near copies of another entry's, differing only in small words or word order", () => {
    expect(clashes(gist)).toEqual([]);
  });
});

describe("answers that must stay careful", () => {
  it("surrender-remark quotes the odd sentence and says it is unclear which demands it means", () => {
    const entry = kb.entryById.get("surrender-remark");
    expect(entry?.answer).toContain(`“${entry?.evidence}”`);
    expect(entry?.answer).toMatch(/does not make clear which demands/);
  });

  it("human-cost gives no casualty total beyond the article's words", () => {
    const entry = kb.entryById.get("human-cost");
    expect(entry?.answer).toContain("“The conflict’s human cost is still astounding.”");
    expect(entry?.answer).toMatch(/no casualty totals/);
  });
});

describe("status and timeline", () => {
  const documentText = documents.map((document) => `${document.title}\n${document.text}`).join("\n");

  it("state no number the documents do not give", () => {
    const prose = [
      kb.status.summary,
      kb.status.positions.ukraine,
      kb.status.positions.russia,
      kb.status.nextEvent?.label ?? "",
      ...kb.status.latest,
      ...kb.timeline.map((event) => event.label),
    ];
    const foreign = prose.flatMap((text) =>
      numbersIn(text).filter((number) => !documentText.includes(number)),
    );
    expect(foreign).toEqual([]);
  });

  it("give the third round in Istanbul on 23 July 2025 as scheduled as of the article's date", () => {
    expect(kb.status.nextEvent?.date).toBe("2025-07-23");
    expect(kb.status.nextEvent?.label).toMatch(/Istanbul/);
    // The card says "as of" from the card's own date; it must be the article's.
    expect(kb.status.asOf).toBe("2025-07-22");
    expect(kb.timeline.find((event) => event.date === "2025-07-23")?.label).toMatch(
      /scheduled as of 22 Jul 2025/,
    );
  });

  it("date only events the article dates, each backed by a verbatim quote", () => {
    expect(kb.timeline.map((event) => event.date)).toEqual([
      "2022-11",
      "2025-05-19",
      "2025-07-22",
      "2025-07-22",
      "2025-07-23",
    ]);
    for (const event of kb.timeline) {
      const texts = citedDocuments(event.sources).map((document) => document.text);
      expect(texts.some((text) => text.includes(event.evidence))).toBe(true);
    }
  });
});
