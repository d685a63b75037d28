import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { createAnswerEngine } from "../../src/answers/engine.js";
import { loadDrafts } from "../../src/knowledge/drafts.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";

const DOCUMENT_ID = "2025-07-22-zelenskyy-offer-to-negotiate";
const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function withDrafts(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "talks-drafts-"));
  scratch.push(dir);
  cpSync("tests/fixtures/knowledge/valid", dir, { recursive: true });
  mkdirSync(join(dir, "drafts"));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, "drafts", name), stringify(content));
  return dir;
}

const draftEntry = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  question: "What did Putin cite as a reason for resisting a ceasefire?",
  alternates: ["putin reason ceasefire", "why does putin resist a ceasefire", "putin drone attacks reason"],
  answer: "According to AP News and Newsmax, Putin has cited Ukraine's drone attacks on Russian territory.",
  sources: [{ document: DOCUMENT_ID, outlets: ["AP News", "Newsmax"] }],
  evidence: "Putin has cited Ukraine’s drone attacks on Russian territory as a reason for this resistance.",
  tags: ["draft"],
  asOf: "2025-07-22",
  ...overrides,
});

describe("drafts under KNOWLEDGE_DIR/drafts/", () => {
  it("are validated like qa/ entries, and reported with the file, entry and field at fault", () => {
    const dir = withDrafts({
      "doc.yml": {
        entries: [
          draftEntry("putin-reason"),
          draftEntry("not-verbatim", {
            evidence: "Putin blamed the drones.",
            alternates: ["a b", "c d", "e f"],
          }),
          draftEntry("third-round", { question: "Another question", alternates: ["x y", "y z", "z x"] }),
          draftEntry("clashing", { question: "third round", alternates: ["p q", "q r", "r s"] }),
          draftEntry("bad-outlet", {
            alternates: ["k l", "l m", "m n"],
            question: "Q?",
            sources: [{ document: DOCUMENT_ID, outlets: ["Reuters"] }],
          }),
        ],
      },
    });
    const report = loadDrafts(dir, loadKnowledgeBase(dir));
    expect(report.entries.map(({ entry }) => entry.id)).toEqual(["putin-reason"]);
    expect(report.problems.map((problem) => [problem.entryId, problem.field])).toEqual([
      ["not-verbatim", "evidence"],
      ["third-round", "id"],
      ["clashing", "question"],
      ["bad-outlet", "sources[0].outlets[0]"],
    ]);
    for (const problem of report.problems) expect(problem.file).toContain(join("drafts", "doc.yml"));
  });

  it("checks timeline and status drafts against their own schemas", () => {
    const kb = loadKnowledgeBase("tests/fixtures/knowledge/valid");
    const dir = withDrafts({
      "doc.timeline.yml": {
        events: [
          {
            date: "2025-05-19",
            label: "A call",
            sources: [{ document: DOCUMENT_ID, outlets: ["AP News"] }],
            evidence: "not in the article",
          },
        ],
      },
      "doc.status.yml": { ...kb.status, asOf: "someday" },
    });
    const report = loadDrafts(dir, kb);
    expect(report.problems.map((problem) => [problem.file.split("/").at(-1), problem.field])).toEqual([
      ["doc.status.yml", "asOf"],
      ["doc.timeline.yml", "events[0].evidence"],
    ]);
  });

  it("are never served: the knowledge base and the answers ignore them", async () => {
    const dir = withDrafts({ "doc.yml": { entries: [draftEntry("putin-reason")] } });
    const kb = loadKnowledgeBase(dir);
    expect(kb.entryById.has("putin-reason")).toBe(false);
    const engine = await createAnswerEngine(kb, { meaning: null });
    expect((await engine.ask("putin drone attacks reason")).answer.id).not.toBe("putin-reason");
    expect(loadDrafts(dir, kb).entries).toHaveLength(1);
  });

  it("report nothing when there is no drafts folder, and a broken file without stopping the rest", () => {
    const kb = loadKnowledgeBase("tests/fixtures/knowledge/valid");
    expect(loadDrafts("tests/fixtures/knowledge/valid", kb)).toEqual({
      entries: [],
      timelineEvents: 0,
      statusProposals: [],
      problems: [],
    });
    const dir = withDrafts({ "good.yml": { entries: [draftEntry("putin-reason")] } });
    writeFileSync(join(dir, "drafts", "broken.yml"), "entries: [\n");
    const report = loadDrafts(dir, kb);
    expect(report.entries).toHaveLength(1);
    expect(report.problems[0]?.problem).toMatch(/is not valid YAML/);
  });
});
