import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { DRAFT_CLI } from "../../src/drafting/messages.js";
import { loadDrafts } from "../../src/knowledge/drafts.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";

const DRAFT_SCRIPT = fileURLToPath(new URL("../../src/cli/draft.ts", import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const scratch = mkdtempSync(join(tmpdir(), "talks-draft-cli-"));
const knowledgeDir = join(scratch, "data");
cpSync("tests/fixtures/knowledge/valid", knowledgeDir, { recursive: true });

const TITLE = "Talks resume in Geneva";
const ARTICLE = join(scratch, "geneva.txt");
const BODY =
  "According to Reuters, Russian and Ukrainian delegations met in Geneva on March 3, 2026. BBC News reports that both sides agreed to exchange 300 prisoners. A fourth round is scheduled for April 2, 2026, in Geneva.";
writeFileSync(ARTICLE, `${TITLE}\n${BODY}\n`);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function draft(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", TSX_LOADER, DRAFT_SCRIPT, ...args], {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "", KNOWLEDGE_DIR: knowledgeDir },
    timeout: 30_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const ARGS = [ARTICLE, "--title", TITLE, "--date", "2026-03-04", "--outlets", "Reuters,BBC News"];
const ID = "2026-03-04-talks-resume-in-geneva";

describe("npm run draft", () => {
  it("stores the article verbatim and drafts entries, timeline events and a status card beside it", () => {
    const { stdout, stderr, status } = draft(ARGS);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain(DRAFT_CLI.checkSummary(3, 2, 1, 0));
    const document = parseYaml(readFileSync(join(knowledgeDir, "documents", `${ID}.yml`), "utf8"));
    expect(document).toEqual({
      id: ID,
      title: TITLE,
      date: "2026-03-04",
      outlets: ["Reuters", "BBC News"],
      text: BODY,
    });
    const drafted = parseYaml(readFileSync(join(knowledgeDir, "drafts", `${ID}.yml`), "utf8"));
    expect(drafted.entries).toHaveLength(3);
    for (const name of [`${ID}.timeline.yml`, `${ID}.status.yml`]) {
      expect(existsSync(join(knowledgeDir, "drafts", name))).toBe(true);
    }

    const kb = loadKnowledgeBase(knowledgeDir);
    expect(kb.documents.get(ID)?.text).toBe(BODY);
    expect(kb.entries.some((entry) => entry.id.startsWith(ID))).toBe(false);
    expect(loadDrafts(knowledgeDir, kb).problems).toEqual([]);
  });

  it("reports the drafts with --check", () => {
    const { stdout, status } = draft(["--check"]);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(DRAFT_CLI.checkSummary(3, 2, 1, 0));
  });

  it("drafts a document once: a second run changes nothing and says why", () => {
    const before = readFileSync(join(knowledgeDir, "drafts", `${ID}.yml`), "utf8");
    const { stderr, status } = draft(ARGS);
    expect(status).toBe(2);
    expect(stderr).toContain("already exists");
    expect(readFileSync(join(knowledgeDir, "drafts", `${ID}.yml`), "utf8")).toBe(before);
  });

  it("refuses an outlet the article never names, a bad date, and missing arguments", () => {
    const outlet = draft([ARTICLE, "--title", "Other", "--date", "2026-03-05", "--outlets", "Reuters,CNN"]);
    expect([outlet.status, outlet.stderr.trim()]).toEqual([2, DRAFT_CLI.outletNotInText("CNN")]);
    const date = draft([ARTICLE, "--title", "Other", "--date", "2026-02-30", "--outlets", "Reuters"]);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain("date is not a real calendar date");
    const missing = draft([ARTICLE, "--title", "Other"]);
    expect([missing.status, missing.stderr.trim()]).toEqual([2, DRAFT_CLI.usage]);
    expect(existsSync(join(knowledgeDir, "documents", "2026-03-05-other.yml"))).toBe(false);
  });

  it("scores the drafted knowledge base next to the curated one with --evaluate", {
    timeout: 150_000,
  }, () => {
    // Every labelled question through two knowledge bases with the meaning model: slow on a cold cache.
    const result = spawnSync(process.execPath, ["--import", TSX_LOADER, DRAFT_SCRIPT, "--evaluate"], {
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "", KNOWLEDGE_DIR: "data" },
      timeout: 140_000,
    });
    expect(result.status).toBe(0);
    for (const set of ["dev.yml", "holdout.yml", "regression.yml", "all labelled sets"]) {
      expect(result.stdout).toMatch(new RegExp(`${set.replace(".", "\\.")}: \\d+ in-scope questions`));
    }
    expect(result.stdout).toMatch(/curated \(labelled entry\)\s+\d+\.\d %/);
    expect(result.stdout).toMatch(/drafted \(same sentence\)\s+\d+\.\d %/);
    expect(result.stdout).toContain(DRAFT_CLI.evaluationRule);
  });
});
