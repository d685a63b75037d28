import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { AGE_TEXT, ASK_USAGE, DECLINE_TEXT, KNOWLEDGE_LOAD_FAILED } from "../../src/answers/messages.js";
import { SMALL_TALK_TEXT } from "../../src/conversation/messages.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = fileURLToPath(new URL("../fixtures/knowledge/matcher/", import.meta.url));
const ASK_SCRIPT = fileURLToPath(new URL("../../src/cli/ask.ts", import.meta.url));
// tsx's loader by absolute URL, so the CLI can run from any working directory.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const BROKEN_FIXTURE = fileURLToPath(new URL("../fixtures/knowledge/invalid-yaml/", import.meta.url));

/** Runs the CLI the way `npm run ask` does (tsx), from another directory to prove it finds data/ itself. */
function ask(
  args: string[],
  options: { input?: string; env?: Record<string, string>; timeout?: number } = {},
) {
  const result = spawnSync(process.execPath, ["--import", TSX_LOADER, ASK_SCRIPT, ...args], {
    cwd: "/",
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "", KNOWLEDGE_DIR: FIXTURE, ...options.env },
    timeout: options.timeout ?? 20_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const ANSWER_KEYS = ["answered", "text", "sources", "confidence", "id", "asOf", "evidence", "suggestions"];

/** The `ask --json` contract: these keys in this order, with these types. */
function expectAnswerShape(answer: Record<string, unknown>): void {
  expect(Object.keys(answer)).toEqual(ANSWER_KEYS);
  expect(typeof answer.answered).toBe("boolean");
  expect(typeof answer.text).toBe("string");
  expect(Array.isArray(answer.sources)).toBe(true);
  expect(typeof answer.confidence).toBe("number");
  for (const key of ["id", "asOf", "evidence"]) {
    expect(answer[key] === null || typeof answer[key] === "string", key).toBe(true);
  }
  if (answer.asOf !== null) expect(answer.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Array.isArray(answer.suggestions)).toBe(true);
}

describe("ask --json", () => {
  it("prints exactly one line of JSON holding the Answer and nothing else", () => {
    const { stdout, stderr, status } = ask(["--json", "is there a truce?"]);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.endsWith("\n")).toBe(true);
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    const answer = JSON.parse(stdout);
    expectAnswerShape(answer);
    expect(answer).toMatchObject({
      answered: true,
      id: "ceasefire-status",
      asOf: "2025-07-22",
      suggestions: [],
    });
    for (const source of answer.sources) {
      expect(Object.keys(source).every((key) => ["outlet", "date", "title", "url"].includes(key))).toBe(true);
      expect(source.outlet).toEqual(expect.any(String));
      expect(source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("prints a decline with nulls and suggestions as JSON too", () => {
    const answer = JSON.parse(ask(["--json", "sanctions"]).stdout);
    expectAnswerShape(answer);
    expect(answer).toMatchObject({
      answered: false,
      text: DECLINE_TEXT,
      id: null,
      asOf: null,
      evidence: null,
      sources: [],
    });
    for (const suggestion of answer.suggestions)
      expect(Object.keys(suggestion).sort()).toEqual(["id", "question"]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });
});

describe("ask --jsonl", () => {
  it("answers every stdin line in order, blank lines included, one JSON line each", () => {
    const questions = ["medinsky", "", "what did macron say", "prisoner exchange"];
    const { stdout, status } = ask(["--jsonl"], { input: `${questions.join("\n")}\n` });
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(questions.length);
    const answers = lines.map((line) => JSON.parse(line));
    for (const answer of answers) expectAnswerShape(answer);
    expect(answers.map((answer) => answer.id)).toEqual([
      "russian-delegation",
      null,
      null,
      "prisoner-exchange",
    ]);
  });

  it("answers small talk as in Slack, by its phrases or by meaning: answered false, its own text", () => {
    const lines = ask(["--jsonl"], { input: "hi\nthanks a lot for your help!\nmedinsky\n" }).stdout;
    const answers = lines
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    for (const answer of answers) expectAnswerShape(answer);
    expect(answers.map((answer) => [answer.answered, answer.text])).toEqual([
      [false, SMALL_TALK_TEXT.greeting],
      [false, SMALL_TALK_TEXT.thanks],
      [true, expect.any(String)],
    ]);
    expect(answers[1].suggestions.length).toBeGreaterThan(0);
  });

  it("keeps the order across batches answered at once (600 lines: three batches, two in flight)", () => {
    const cycle = ["medinsky", "what did macron say", "prisoner exchange"];
    const questions = Array.from({ length: 600 }, (_, index) => cycle[index % cycle.length] as string);
    const { stdout, status } = ask(["--jsonl"], { input: `${questions.join("\n")}\n`, timeout: 90_000 });
    expect(status).toBe(0);
    const ids = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).id);
    const expected = ["russian-delegation", null, "prisoner-exchange"];
    expect(ids).toEqual(questions.map((_, index) => expected[index % expected.length]));
  }, 120_000);

  it("answers a last line without a newline", () => {
    const lines = ask(["--jsonl"], { input: "medinsky\nodesa attack" }).stdout.trimEnd().split("\n");
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(["russian-delegation", "odesa-attack"]);
  });
});

describe("ask (readable)", () => {
  it("opens with how old the answer is, then gives it with the article it comes from", () => {
    const { stdout, status } = ask(["who", "heads", "the", "kremlin", "delegation"]);
    expect(status).toBe(0);
    const lines = stdout.split("\n");
    // Run on a real clock, long after 22 July 2025: the information is stale whenever this runs.
    expect(lines[0]).toMatch(/^From 22 Jul 2025 — \d+ (months|years) old; nothing newer in the data\.$/);
    expect(lines[0]).toBe(
      AGE_TEXT.staleNothingNewer("22 Jul 2025", lines[0]?.match(/— (.+) old/)?.[1] ?? ""),
    );
    expect(lines[1]).toContain("Vladimir Medinsky");
    expect(stdout).toContain(
      "Source: “Ukraine-Russia Talks: Zelenskyy’s Bold Offer…” (22 Jul 2025), citing Al Jazeera",
    );
  });

  it("takes STALE_AFTER_DAYS from the environment, and refuses a bad one", () => {
    const fresh = ask(["medinsky"], { env: { STALE_AFTER_DAYS: "3650" } });
    expect(fresh.stdout.split("\n")[0]).toContain("Vladimir Medinsky");
    const bad = ask(["medinsky"], { env: { STALE_AFTER_DAYS: "soon" } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("STALE_AFTER_DAYS");
  });

  it("reads data/ next to the script when KNOWLEDGE_DIR is not set", () => {
    const { stdout, status } = ask(["--json", "is there a ceasefire"], { env: { KNOWLEDGE_DIR: "" } });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).id).toBe("ceasefire-status");
    expect(REPO_ROOT).not.toBe("/");
  });
});

describe("ask usage errors", () => {
  it.each([
    [[]],
    [["--json"]],
    [["--jsonl", "extra question"]],
    [["--verbose", "question"]],
    [["--json", "--jsonl"]],
  ])("prints the usage on stderr and exits 2 for %j", (args) => {
    const { stdout, stderr, status } = ask(args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(ASK_USAGE);
  });

  it("names the broken file and exits 1 when the knowledge base does not load", () => {
    const { stdout, stderr, status } = ask(["--json", "ceasefire"], {
      env: { KNOWLEDGE_DIR: BROKEN_FIXTURE },
    });
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(KNOWLEDGE_LOAD_FAILED);
    expect(stderr).toMatch(/\.ya?ml/);
  });
});
