import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeBaseError, loadKnowledgeBase, sourcesFor } from "../../src/knowledge/load.js";
import { entrySchema } from "../../src/knowledge/schema.js";

const fixtures = fileURLToPath(new URL("../fixtures/knowledge/", import.meta.url));
const valid = join(fixtures, "valid");
const DOCUMENT_ID = "2025-07-22-zelenskyy-offer-to-negotiate";

function loadError(dataDir: string): KnowledgeBaseError {
  try {
    loadKnowledgeBase(dataDir);
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error;
    throw error;
  }
  throw new Error(`${dataDir} loaded without error`);
}

const scratchDirs: string[] = [];
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the valid fixture with one file rewritten, for checks that compare two loads. */
function editedCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "talks-kb-"));
  scratchDirs.push(dir);
  cpSync(valid, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = edit(before);
  expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

describe("loading the valid fixture", () => {
  const kb = loadKnowledgeBase(valid);

  it("reads every entry from every qa file, with its document", () => {
    expect(kb.entries.map((entry) => entry.id).sort()).toEqual([
      "prisoner-exchange",
      "russian-delegation",
      "third-round",
      "western-unity",
    ]);
    expect(kb.entryById.get("russian-delegation")?.sources[0]?.outlets).toEqual(["Al Jazeera"]);
    expect(kb.documents.get(DOCUMENT_ID)?.date).toBe("2025-07-22");
    expect(kb.status.nextEvent).toEqual({
      date: "2025-07-23",
      label: "Third round of negotiations in Istanbul (scheduled, as of 22 July 2025)",
    });
  });

  it("sorts the timeline by date, months before days in them", () => {
    expect(kb.timeline.map((event) => event.date)).toEqual(["2022-11", "2025-07-23"]);
  });

  it("joins a folded evidence quote into the single line the document has", () => {
    const evidence = kb.entryById.get("prisoner-exchange")?.evidence ?? "";
    expect(evidence).not.toContain("\n");
    expect(kb.documents.get(DOCUMENT_ID)?.text).toContain(evidence);
  });

  it("gives each cited outlet the document's date and title, once, and no invented url", () => {
    const document = kb.documents.get(DOCUMENT_ID);
    const sources = sourcesFor(kb, [
      { document: DOCUMENT_ID, outlets: ["AP News", "Newsmax"] },
      { document: DOCUMENT_ID, outlets: ["AP News"] },
    ]);
    expect(sources).toEqual([
      { outlet: "AP News", date: "2025-07-22", title: document?.title },
      { outlet: "Newsmax", date: "2025-07-22", title: document?.title },
    ]);
  });

  it("has the same version on every load of unchanged files", () => {
    expect(loadKnowledgeBase(valid).version).toBe(kb.version);
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("change detection", () => {
  const before = loadKnowledgeBase(valid);

  it("changes the version and that entry's fingerprint alone when an answer changes", () => {
    const dir = editedCopy("qa/negotiations.yml", (text) =>
      text.replace("Yes. In recent negotiations", "Yes. In the recent negotiations"),
    );
    const after = loadKnowledgeBase(dir);
    expect(after.version).not.toBe(before.version);
    expect(after.entryFingerprints.get("prisoner-exchange")).not.toBe(
      before.entryFingerprints.get("prisoner-exchange"),
    );
    expect(after.entryFingerprints.get("third-round")).toBe(before.entryFingerprints.get("third-round"));
  });

  it("keeps an entry's fingerprint when only its alternates change, so a digest does not call it new", () => {
    const dir = editedCopy("qa/negotiations.yml", (text) =>
      text.replace("      - prisoner swap\n", "      - prisoner swap\n      - pow exchange\n"),
    );
    const after = loadKnowledgeBase(dir);
    expect(after.version).not.toBe(before.version);
    expect(after.entryFingerprints.get("prisoner-exchange")).toBe(
      before.entryFingerprints.get("prisoner-exchange"),
    );
  });
});

interface BrokenCase {
  fixture: string;
  file: string;
  entryId: string | null;
  field: string | null;
  problem: RegExp;
}

// Files load in name order (diplomacy.yml before negotiations.yml), so a clash is reported on the
// second occurrence, and the message names the file of the first.
const brokenCases: BrokenCase[] = [
  {
    fixture: "missing-field",
    file: "qa/negotiations.yml",
    entryId: "third-round",
    field: "answer",
    problem: /is missing/,
  },
  {
    fixture: "empty-alternates",
    file: "qa/diplomacy.yml",
    entryId: "western-unity",
    field: "alternates",
    problem: /at least one alternate/,
  },
  {
    fixture: "bad-date",
    file: "qa/negotiations.yml",
    entryId: "prisoner-exchange",
    field: "asOf",
    problem: /not a real calendar date/,
  },
  {
    fixture: "bad-timeline-date",
    file: "timeline.yml",
    entryId: null,
    field: "events[1].date",
    problem: /not a real calendar date/,
  },
  {
    fixture: "evidence-not-verbatim",
    file: "qa/diplomacy.yml",
    entryId: "russian-delegation",
    field: "evidence",
    problem: /not a verbatim quote/,
  },
  {
    fixture: "evidence-straight-quotes",
    file: "qa/diplomacy.yml",
    entryId: "western-unity",
    field: "evidence",
    problem: /not a verbatim quote/,
  },
  {
    fixture: "unknown-outlet",
    file: "qa/diplomacy.yml",
    entryId: "russian-delegation",
    field: "sources[0].outlets[0]",
    problem: /"Reuters" is not an outlet named by document .*it names: AP News, Newsmax, Al Jazeera/,
  },
  {
    fixture: "unknown-document",
    file: "qa/negotiations.yml",
    entryId: "prisoner-exchange",
    field: "sources[0].document",
    problem: /no document has the id "2025-07-21-no-such-article"/,
  },
  {
    fixture: "duplicate-id",
    file: "qa/negotiations.yml",
    entryId: "third-round",
    field: "id",
    problem: /already used by an entry in .*duplicate-id[/\\]qa[/\\]diplomacy\.yml/,
  },
  {
    fixture: "duplicate-phrasing",
    file: "qa/negotiations.yml",
    entryId: "third-round",
    field: "alternates[1]",
    problem: /"next round\?" is already a phrasing of entry "russian-delegation" in .*diplomacy\.yml/,
  },
  {
    fixture: "unknown-field",
    file: "qa/negotiations.yml",
    entryId: "third-round",
    field: "anwser",
    problem: /is not a known field/,
  },
  {
    fixture: "invalid-yaml",
    file: "qa/diplomacy.yml",
    entryId: null,
    field: null,
    problem: /is not valid YAML: .*at line 7, column 1/,
  },
  {
    fixture: "status-unknown-outlet",
    file: "status.yml",
    entryId: null,
    field: "sources[0].outlets[1]",
    problem: /"Reuters" is not an outlet/,
  },
  {
    fixture: "timeline-evidence-not-verbatim",
    file: "timeline.yml",
    entryId: null,
    field: "events[1].evidence",
    problem: /not a verbatim quote/,
  },
  {
    fixture: "missing-status",
    file: "status.yml",
    entryId: null,
    field: null,
    problem: /the file is missing/,
  },
];

describe("a broken data directory", () => {
  it.each(brokenCases)("$fixture: names $file, entry $entryId and field $field", (broken) => {
    const error = loadError(join(fixtures, broken.fixture));
    const file = relative(process.cwd(), join(fixtures, broken.fixture, broken.file));

    expect(error.file).toBe(file);
    expect(error.entryId).toBe(broken.entryId);
    expect(error.field).toBe(broken.field);
    expect(error.problem).toMatch(broken.problem);

    expect(error.message.startsWith(file)).toBe(true);
    if (broken.entryId !== null) expect(error.message).toContain(`entry "${broken.entryId}"`);
    if (broken.field !== null) expect(error.message).toContain(`field "${broken.field}"`);
  });

  it.each([
    ["case and punctuation", "Istanbul date!"],
    ["a curly apostrophe against none", "Whats next"],
  ])("treats phrasings that differ only in %s as the same", (_, clash) => {
    const dir = editedCopy("qa/negotiations.yml", (text) =>
      text
        .replace("      - istanbul date\n", "      - istanbul date\n      - what’s next\n")
        .replace("      - prisoner swap\n", `      - prisoner swap\n      - ${clash}\n`),
    );
    const error = loadError(dir);
    expect([error.entryId, error.field]).toEqual(["prisoner-exchange", "alternates[1]"]);
    expect(error.problem).toContain(`"${clash}" is already a phrasing of entry "third-round"`);
  });

  it("rejects a phrasing with no letters or digits, which would otherwise clash with any other", () => {
    const dir = editedCopy("qa/diplomacy.yml", (text) =>
      text.replace("      - medinsky\n", '      - "??"\n'),
    );
    const error = loadError(dir);
    expect([error.entryId, error.field]).toEqual(["russian-delegation", "alternates[0]"]);
    expect(error.problem).toMatch(/no letters or digits/);
  });

  it("reads an entry's scheduled event, and names the entry and field when its date is not a date", () => {
    expect(loadKnowledgeBase(valid).entryById.get("third-round")?.scheduledEvent).toEqual({
      date: "2025-07-23",
      label: "The third round of negotiations in Istanbul",
    });
    const dir = editedCopy("qa/negotiations.yml", (text) =>
      text.replace("      date: 2025-07-23\n", "      date: next Tuesday\n"),
    );
    const error = loadError(dir);
    expect([error.entryId, error.field]).toEqual(["third-round", "scheduledEvent.date"]);
    expect(error.problem).toBe("must be a date written YYYY-MM-DD");
  });

  it("names the folder when the qa folder is missing", () => {
    const dir = editedCopy("status.yml", (text) => `${text}\n`);
    rmSync(join(dir, "qa"), { recursive: true });
    const error = loadError(dir);
    expect(error.file).toBe(relative(process.cwd(), join(dir, "qa")));
    expect(error.problem).toMatch(/the folder is missing/);
  });
});

describe("the entity table", () => {
  it("reads each entity with its kind, name and aliases", () => {
    expect(loadKnowledgeBase(valid).entities).toEqual([
      {
        id: "medinsky",
        kind: "person",
        name: "Medinsky",
        aliases: ["Vladimir Medinsky", "Kremlin's negotiator"],
      },
      { id: "odesa", kind: "place", name: "Odesa", aliases: ["Odessa", "Black Sea port city"] },
    ]);
  });

  it("is optional: without the file there are no entities", () => {
    const dir = editedCopy("entities.yml", () => "");
    rmSync(join(dir, "entities.yml"));
    expect(loadKnowledgeBase(dir).entities).toEqual([]);
  });

  it.each([
    ["an unknown kind", (text: string) => text.replace("kind: place", "kind: city"), "odesa", "kind"],
    [
      "a name no document gives",
      (text: string) => text.replace("name: Odesa", "name: Kharkiv"),
      "odesa",
      "name",
    ],
    [
      "an alias of another entity",
      (text: string) => text.replace("[Odessa,", "[Vladimir Medinsky,"),
      "odesa",
      "aliases[0]",
    ],
    ["a duplicate id", (text: string) => text.replace("id: odesa", "id: medinsky"), "medinsky", "id"],
    ["no aliases", (text: string) => text.replace("[Odessa, Black Sea port city]", "[]"), "odesa", "aliases"],
  ])("rejects %s, naming the file, the entity and the field", (_, edit, entityId, field) => {
    const error = loadError(editedCopy("entities.yml", edit));
    expect(error.file).toMatch(/entities\.yml$/);
    expect(error.entryId).toBe(entityId);
    expect(error.field).toBe(field);
  });

  it("changes the data version when an alias changes", () => {
    const before = loadKnowledgeBase(valid).version;
    expect(
      loadKnowledgeBase(editedCopy("entities.yml", (text) => text.replace("Odessa", "Odessa city"))).version,
    ).not.toBe(before);
  });
});

describe("dates in the data", () => {
  const entry = loadKnowledgeBase(valid).entryById.get("third-round");

  it("accepts every real calendar day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (day) => {
          const asOf = day.toISOString().slice(0, 10);
          expect(entrySchema.safeParse({ ...entry, asOf }).success).toBe(true);
        },
      ),
    );
  });

  it.each(["2025-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-7-22", "22/07/2025"])(
    "rejects %s",
    (asOf) => {
      expect(entrySchema.safeParse({ ...entry, asOf }).success).toBe(false);
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(entrySchema.safeParse({ ...entry, asOf: "2024-02-29" }).success).toBe(true);
  });
});
