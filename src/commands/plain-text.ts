/**
 * Slack sends what people type as mrkdwn source: mentions, channel links and broadcasts as `<…>`
 * markup, URLs it auto-linked as `<url|label>`, and the characters `&`, `<`, `>` the person typed
 * as `&amp;`, `&lt;`, `&gt;`. The router and the matcher want the words the person typed.
 */

const MARKUP = /<([^<>]*)>/g;
const ENTITY = /&(amp|lt|gt);/g;
const DECODED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">" };

/**
 * One `<…>` as the words it stands for. Mentions, broadcasts and channel links address people and
 * places, not the question, so they go; a link keeps the text the person typed; a date its fallback.
 */
function wordsOf(inner: string): string {
  const bar = inner.indexOf("|");
  const label = bar === -1 ? null : inner.slice(bar + 1);
  if (inner.startsWith("!date^")) return label ?? "";
  if (inner.startsWith("@") || inner.startsWith("#") || inner.startsWith("!")) return " ";
  return label ?? inner;
}

/**
 * The plain text of a Slack message or slash-command text: markup read as words, entities decoded
 * once (so `&amp;lt;` stays the `&lt;` the person typed). Pure; linear in the length of the text.
 */
export function plainText(slackText: string): string {
  return slackText
    .replace(MARKUP, (_, inner: string) => wordsOf(inner))
    .replace(ENTITY, (_, name: string) => DECODED[name] ?? "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
