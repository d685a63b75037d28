import fc from "fast-check";

/**
 * Generators of what people (and pasted documents, and attackers) type at the bot. Shared by the
 * hostile-input properties so every path sees the same kinds of trouble.
 */

export const SLACK_MARKUP = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!here|here>",
  "<@U123>",
  "<@U0001|alice>",
  "<@W999>",
  "<#C123>",
  "<#C123|general>",
  "<!subteam^S1>",
  "<!subteam^S1|@team>",
  "<https://x|y>",
  "<https://evil.example/phish|Click here>",
  "<mailto:a@b.c|mail>",
  "<!date^1392734382^{date_num}|Feb 18>",
  "&lt;!channel&gt;",
  "<",
  ">",
  "&",
  "<<!channel>>",
  "<@",
  "<!",
] as const;

/** The markup Slack sends for mentions, broadcasts and channel links: addressing, never the question. */
export const ADDRESSING_MARKUP = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!here|here>",
  "<@U123>",
  "<@U0001|alice>",
  "<@W999>",
  "<#C123>",
  "<#C1|x>",
  "<!subteam^S1|@team>",
] as const;

/** What Slack sends for text a person typed: `&`, `<` and `>` as entities. */
export function slackEncoded(typed: string): string {
  return typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export const HTML = [
  "<script>alert(1)</script>",
  "<b>bold</b>",
  "<img src=x onerror=alert(1)>",
  "&amp;",
  "&lt;",
  "&#60;",
  "&#x3C;",
  "</div>",
  "<!-- comment -->",
  "<![CDATA[x]]>",
] as const;

export const REGEX_META = [
  ".*",
  "(a+)+$",
  "[^]",
  "\\",
  "\\d+",
  "$&",
  "$1",
  "(?<x>",
  "|",
  "^",
  "{1,}",
  "?",
  "*",
  "+",
  "[",
  ")",
  "(?=",
  "\\u{1F600}",
] as const;

export const QUESTION_WORDS = [
  "ceasefire",
  "Russia",
  "Ukraine",
  "demand",
  "demands",
  "Istanbul",
  "talks",
  "next round",
  "prisoner exchange",
  "Zelenskyy",
  "Putin",
  "Trump",
  "sanctions",
  "NATO",
  "what",
  "when",
  "who",
  "why",
  "is there",
  "status",
  "timeline",
  "sources",
  "help",
  "ask",
  "digest",
  "on",
  "off",
  "preview",
  "09:00",
  "Europe/Kyiv",
  "?",
] as const;

/**
 * Words that name members of every JavaScript object ("constructor", "__proto__", "toString"): a word
 * table that is a plain object finds them in its prototype, so a lookup by a typed word must not.
 */
export const OBJECT_MEMBER_WORDS = [
  ...Object.getOwnPropertyNames(Object.prototype),
  "prototype",
  "Constructor",
  "TOSTRING",
] as const;

const CONTROL = fc
  .oneof(
    fc.integer({ min: 0x00, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0x200b, 0x200d, 0x202e, 0x2066, 0xfeff, 0x2028, 0x2029, 0xfffd),
  )
  .map((code) => String.fromCharCode(code));

/** Half of a surrogate pair on its own: not valid UTF-16 text, yet a JavaScript string can hold it. */
const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

const SEPARATOR = fc.constantFrom(" ", "", "\n", "\t", "  ", "\r\n", "\u00a0", "\u3000");

/** One piece of hostile text. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUESTION_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...OBJECT_MEMBER_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...SLACK_MARKUP) },
  { weight: 1, arbitrary: fc.constantFrom(...HTML) },
  { weight: 1, arbitrary: fc.constantFrom(...REGEX_META) },
  { weight: 1, arbitrary: CONTROL },
  { weight: 1, arbitrary: LONE_SURROGATE },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("<@", "<#", "<!", "<"), fc.string({ unit: "grapheme-ascii", maxLength: 10 }))
      .map(([open, inside]) => `${open}${inside}>`),
  },
);

/** Hostile text of everyday length: pieces joined by odd separators, sometimes behind a command word. */
export const hostileText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "", "", "ask ", "status ", "digest ", "digest on ", "help ", "timeline ", "sources "),
    fc.array(fc.tuple(piece, SEPARATOR), { maxLength: 30 }),
  )
  .map(([prefix, parts]) => prefix + parts.map(([text, separator]) => text + separator).join(""));

/** Anything at all: any Unicode, any length up to a few hundred characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: LONE_SURROGATE, maxLength: 50 }),
  hostileText,
);

/** Long pastes, from 10,000 to 100,000 characters: hostile text repeated to length. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(hostileText, fc.string({ unit: "binary", minLength: 1, maxLength: 50 })),
    fc.integer({ min: 10_000, max: 100_000 }),
  )
  .map(([seed, length]) => {
    const unit = seed === "" ? "<!channel> " : seed;
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });
