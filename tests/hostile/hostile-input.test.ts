import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerEngine } from "../../src/answers/engine.js";
import { DECLINE_TEXT, ENGLISH_ONLY_TEXT } from "../../src/answers/messages.js";
import type { Answer, AnswerEngine } from "../../src/answers/types.js";
import { link } from "../../src/blocks/text.js";
import type { SlackMessage } from "../../src/blocks/types.js";
import { parseTalksCommand } from "../../src/commands/parse.js";
import { plainText } from "../../src/commands/plain-text.js";
import { replyTo } from "../../src/commands/respond.js";
import { createDigestBuilder } from "../../src/digest/build.js";
import { createDigestCommandHandler } from "../../src/digest/commands.js";
import { loadKnowledgeBase } from "../../src/knowledge/load.js";
import { normaliseWords } from "../../src/matching/normalise.js";
import { loadLanguageDetector } from "../../src/matching/reading/language.js";
import { createMemoryStorage } from "../../src/storage/memory.js";
import type { Storage } from "../../src/storage/types.js";
import { limitViolations } from "../helpers/block-limits.js";
import { meaningModel } from "../helpers/meaning.js";
import {
  ADDRESSING_MARKUP,
  anyText,
  hostileText,
  hugeText,
  OBJECT_MEMBER_WORDS,
  slackEncoded,
} from "./inputs.js";

/**
 * Ceilings, not targets: they catch work that grows out of all proportion with the input (a regex that
 * backtracks, a quadratic scan), which costs seconds to minutes. A question takes milliseconds (tens with
 * the meaning model); the ceilings sit far above that so that a busy CI machine cannot trip them.
 */
const BOUND_MS_UP_TO_10K = 1_000;
const BOUND_MS_UP_TO_100K = 5_000;
const NOW = new Date("2025-11-20T10:00:00Z");

let engine: AnswerEngine;
let withMeaning: AnswerEngine;
let storage: Storage;
let digest: ReturnType<typeof createDigestCommandHandler>;
let buildDigest: ReturnType<typeof createDigestBuilder>;
/**
 * The only `<…>` the bot may post: its own source links, from the data, collected from replies to
 * input that holds no user text.
 */
let ownMarkup: string[];

const boundFor = (text: string) => (text.length <= 10_000 ? BOUND_MS_UP_TO_10K : BOUND_MS_UP_TO_100K);

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

/**
 * Every `<` in what would be posted that does not open one of the bot's own source links. Slack turns
 * `<!channel>`, `<@U…>`, `<#C…>` and `<url|label>` into pings and links only when they arrive raw.
 */
function unescapedMarkup(message: SlackMessage): string[] {
  const json = JSON.stringify({ text: message.text, blocks: message.blocks });
  const found: string[] = [];
  for (let at = json.indexOf("<"); at !== -1; at = json.indexOf("<", at + 1)) {
    if (!ownMarkup.some((own) => json.startsWith(own, at))) found.push(json.slice(at, at + 40));
  }
  return found;
}

function expectPostable(message: SlackMessage, input: string): void {
  expect(
    unescapedMarkup(message),
    `unescaped markup for input ${JSON.stringify(input.slice(0, 200))}`,
  ).toEqual([]);
  expect(message.text.length).toBeGreaterThan(0);
  expect(limitViolations(message.blocks)).toEqual([]);
}

/** An answer from the data with its sources, or the plain decline: never anything in between. */
function expectAnswerOrDecline(answer: Answer): void {
  if (answer.answered) {
    expect(answer.id).not.toBeNull();
    // The entry's answer, without its opening "Yes." when the question did not ask yes or no.
    const entryAnswer = engine.kb.entryById.get(answer.id ?? "")?.answer ?? "";
    expect([entryAnswer, entryAnswer.replace(/^(Yes|No)\.\s+/, "")]).toContain(answer.text);
    expect(answer.sources.length).toBeGreaterThan(0);
  } else {
    // Text in another script is told the bot reads English; anything else gets the plain decline.
    expect([DECLINE_TEXT, ENGLISH_ONLY_TEXT]).toContain(answer.text);
    expect(answer.suggestions.length).toBeLessThanOrEqual(engine.kb.entries.length);
  }
  expect(answer.confidence).toBeGreaterThanOrEqual(0);
  expect(answer.confidence).toBeLessThanOrEqual(1);
}

/** What `/talks <text>` would post (ephemeral) or what a mention or DM would post (public). */
async function commandReply(text: string, ephemeral: boolean): Promise<SlackMessage> {
  const command = parseTalksCommand(text);
  if (command.kind === "digest") {
    return digest(command.digest, { teamId: "T1", channelId: "C1", userId: "U1", now: NOW });
  }
  return (await replyTo(command, { engine, now: NOW, staleAfterDays: 14, ephemeral, teamId: "T1" })).message;
}

beforeAll(async () => {
  // Thousands of generated texts: matched by words alone, so the suite stays fast; the meaning model
  // reads its own share of them below.
  engine = await createAnswerEngine(loadKnowledgeBase("data"), { meaning: null });
  // Loaded at start, as the app loads it (start.ts): its one-time load (0.75 s, more on a busy machine) is
  // not work that grows with the input, which is what the bounds are for.
  await loadLanguageDetector();
  withMeaning = await createAnswerEngine(loadKnowledgeBase("data"), { meaning: await meaningModel() });
  storage = createMemoryStorage();
  buildDigest = createDigestBuilder({ knowledge: () => engine.kb, storage, staleAfterDays: 14 });
  digest = createDigestCommandHandler({ storage, defaultTimeZone: "UTC", buildDigest });
  const ownMessages = await Promise.all(
    (["help", "status", "timeline", "sources"] as const).map(
      async (kind) =>
        (
          await replyTo(kind === "help" ? { kind, unrecognised: null } : { kind }, {
            engine,
            now: NOW,
            staleAfterDays: 14,
            ephemeral: true,
          })
        ).message,
    ),
  );
  ownMarkup = [
    ...new Set(ownMessages.flatMap((message) => JSON.stringify(message).match(/<[^<>]*>/g) ?? [])),
  ];
  // The bot's own fixed texts hold no `<…>` but its source links: a placeholder such as `<question>`
  // would itself be read by Slack as a link.
  expect(ownMarkup.filter((own) => !/^<https?:\/\/[^|<>]+\|[^<>]*>$/.test(own))).toEqual([]);
  // Sanity: the source links the data makes are among them, so a user's link cannot hide as one.
  const linked = [...engine.kb.documents.values()].find((document) => document.url !== undefined);
  if (linked?.url !== undefined)
    expect(ownMarkup.some((own) => own.startsWith(link(linked.url ?? "", "").slice(0, -1)))).toBe(true);
});

describe("hostile input through the matcher", () => {
  it("answers or declines any text, never throwing, within the bound", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const { value, ms } = await timedAsync(() => engine.ask(text));
        expectAnswerOrDecline(value.answer);
        expect(ms).toBeLessThan(boundFor(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it("handles pastes of 10,000 to 100,000 characters within the bound", async () => {
    await fc.assert(
      fc.asyncProperty(hugeText, async (text) => {
        expect(text.length).toBeGreaterThanOrEqual(10_000);
        const { value, ms } = await timedAsync(() => engine.ask(text));
        expectAnswerOrDecline(value.answer);
        expect(ms).toBeLessThan(boundFor(text));
      }),
      { numRuns: 100 },
    );
  });

  it("answers or declines any text with the meaning model too, huge pastes included, within the bound", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, hugeText), async (text) => {
        const { value, ms } = await timedAsync(() => withMeaning.ask(text));
        expectAnswerOrDecline(value.answer);
        expect(ms).toBeLessThan(boundFor(text));
      }),
      { numRuns: 300 },
    );
  });

  it("reads words that name JavaScript objects' own members as plain words (no crash, no answer)", async () => {
    for (const word of OBJECT_MEMBER_WORDS) {
      expect(
        normaliseWords(`who is the ${word} of the talks`).every((read) => typeof read === "string"),
      ).toBe(true);
      const { answer } = await engine.ask(`who is the ${word} of the peace plan`);
      expectAnswerOrDecline(answer);
      expect(answer.answered).toBe(false);
    }
  });

  it("still answers a real question wrapped in case, whitespace and punctuation noise", async () => {
    const plain = (await engine.ask("What does Russia demand?")).answer;
    expect(plain.answered).toBe(true);
    const noise = fc.array(
      fc.constantFrom(" ", "\n", "\t", "?", "!", "...", ",", "\u00a0", "\u200b", "🙂", "(", ")", '"', "«"),
      {
        maxLength: 6,
      },
    );
    const casing = fc.constantFrom(
      (text: string) => text,
      (text: string) => text.toUpperCase(),
      (text: string) => text.toLowerCase(),
    );
    await fc.assert(
      fc.asyncProperty(noise, noise, casing, async (before, after, cased) => {
        const { answer } = await engine.ask(
          `${before.join("")} ${cased("What does Russia demand?")} ${after.join("")}`,
        );
        expect(answer.answered).toBe(true);
        expect(answer.id).toBe(plain.id);
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile input through the command router and reply builders", () => {
  it("routes any text to a command, never throwing", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hugeText), (text) => {
        const { value, ms } = timed(() => parseTalksCommand(text));
        expect(["status", "timeline", "sources", "ask", "help", "digest", "digest-invalid"]).toContain(
          value.kind,
        );
        expect(ms).toBeLessThan(boundFor(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it("replies to any /talks text with a postable message holding no live mention, channel ping or link", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const started = performance.now();
        const message = await commandReply(text, true);
        expect(performance.now() - started).toBeLessThan(boundFor(text));
        expectPostable(message, text);
      }),
      { numRuns: 4_000 },
    );
  });

  it("replies to any mention or DM text (public replies) just as safely", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const command = parseTalksCommand(text);
        fc.pre(command.kind !== "digest");
        const { value, ms } = await timedAsync(() =>
          replyTo(command, { engine, now: NOW, staleAfterDays: 14, ephemeral: false, teamId: "T1" }),
        );
        expect(ms).toBeLessThan(boundFor(text));
        expectPostable(value.message, text);
      }),
      { numRuns: 2_000 },
    );
  });

  it("replies to huge /talks texts quickly and safely", async () => {
    await fc.assert(
      fc.asyncProperty(hugeText, fc.boolean(), async (text, ephemeral) => {
        const started = performance.now();
        const message = await commandReply(text, ephemeral);
        expect(performance.now() - started).toBeLessThan(boundFor(text));
        expectPostable(message, text);
      }),
      { numRuns: 60 },
    );
  });

  it("echoes the worst markup escaped, not stripped: the asker sees what they typed", async () => {
    const message = await commandReply("ask <!channel> <@U123> <#C123> <https://x|y> <!subteam^S1>", true);
    expectPostable(message, "");
    const json = JSON.stringify(message.blocks);
    for (const escaped of ["&lt;!channel&gt;", "&lt;@U123&gt;", "&lt;#C123&gt;", "&lt;https://x|y&gt;"]) {
      expect(json).toContain(escaped);
    }
  });
});

describe("text as Slack sends it (markup and entities) through plainText, as the listeners do", () => {
  it("recovers exactly what was typed from Slack's escaping, whatever was typed", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hugeText), (typed) => {
        const { value, ms } = timed(() => plainText(slackEncoded(typed)));
        expect(value).toBe(typed.replace(/[ \t]{2,}/g, " ").trim());
        expect(ms).toBeLessThan(boundFor(typed));
      }),
      { numRuns: 2_000 },
    );
  });

  it("answers a question the same with mentions, broadcasts and channel links around it", async () => {
    const plain = (await engine.ask("What does Russia demand?")).answer;
    const around = fc.array(fc.constantFrom(...ADDRESSING_MARKUP), { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(around, around, async (before, after) => {
        const sent = `${before.join(" ")} What does Russia demand? ${after.join(" ")}`;
        const { answer } = await engine.ask(plainText(sent));
        expect(answer.answered).toBe(true);
        expect(answer.id).toBe(plain.id);
      }),
      { numRuns: 300 },
    );
  });

  it("replies to any Slack-sent text with no live markup, and never escapes what was typed twice", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.boolean(), async (typed, ephemeral) => {
        const sent = slackEncoded(typed);
        const message = await commandReply(plainText(sent), ephemeral);
        expectPostable(message, sent);
        if (!typed.includes("&")) {
          expect(JSON.stringify(message)).not.toMatch(/&amp;(amp|lt|gt);/);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("replies to raw Slack markup (as Slack sends mentions and links) with no live markup", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.boolean(), async (sent, ephemeral) => {
        expectPostable(await commandReply(plainText(sent), ephemeral), sent);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("hostile questions in the digest", () => {
  it("a digest built from a log of hostile questions posts no live markup", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 12 }), async (questions) => {
        const log = createMemoryStorage();
        for (const question of questions) {
          const command = parseTalksCommand(question);
          if (command.kind === "digest") continue;
          const { logRecord } = await replyTo(command, {
            engine,
            now: NOW,
            staleAfterDays: 14,
            ephemeral: true,
            teamId: "T1",
          });
          if (logRecord !== null) await log.logQuestion(logRecord);
        }
        const built = await createDigestBuilder({
          knowledge: () => engine.kb,
          storage: log,
          staleAfterDays: 14,
        })(
          { teamId: "T1", channelId: "C1", timeZone: "Europe/Kyiv", cadence: "daily" },
          new Date(NOW.getTime() + 60_000),
        );
        expectPostable(built.digest.message, questions.join(" | "));
      }),
      { numRuns: 200 },
    );
  });
});
