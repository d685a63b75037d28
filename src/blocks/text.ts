import type { Block, Button } from "./types.js";

/** Slack's documented limits (Block Kit reference); exceeding one makes Slack reject the message. */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  /** Slack truncates longer fallback text; keeping it short keeps notifications readable. */
  fallbackText: 3000,
  /** How much of a user's question is shown back to them. */
  echoedQuestion: 200,
} as const;

const ELLIPSIS = "…";

/**
 * Cuts `text` to at most `max` characters, ending in "…". Prefers a word boundary near the end and
 * never splits a surrogate pair (an emoji cut in half renders as garbage).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const space = text.lastIndexOf(" ", cut);
  if (space > cut * 0.8) cut = space;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * Makes text safe to show in mrkdwn: `<!channel>`, `<@U123>` and `<https://x|y>` lose their power
 * because Slack only parses `<…>` and `&…;` it did not receive escaped.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slack's formatting characters: bold, italic, strike, code. */
const FORMATTING = /[*_~`]/g;
/** Invisible, and keeps a formatting character from pairing with another one on either side. */
export const ZERO_WIDTH_SPACE = "\u200B";

/**
 * Text a person typed, shown back: escaped like any text (no pings, no links), and with its `*`, `_`,
 * `~` and backticks kept as typed rather than read as formatting. Slack has no escape for those, so each
 * gets a zero-width space on both sides: it cannot open or close a span, and copies as typed.
 */
export function escapeUserText(text: string): string {
  return escapeMrkdwn(text).replace(FORMATTING, `${ZERO_WIDTH_SPACE}$&${ZERO_WIDTH_SPACE}`);
}

/** A user's question shown back: shortened first (so escapes are never cut in half), then escaped. */
export function echoQuestion(question: string): string {
  return escapeUserText(truncate(question.replace(/\s+/g, " ").trim(), LIMITS.echoedQuestion));
}

/** A link in mrkdwn: the URL percent-encoded where mrkdwn would read it as syntax, `&` escaped as Slack expects. */
export function link(url: string, label: string): string {
  const safeUrl = url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c)).replace(/&/g, "&amp;");
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

export function section(mrkdwn: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: truncate(mrkdwn, LIMITS.sectionText) } };
}

export function header(plain: string): Block {
  return {
    type: "header",
    text: { type: "plain_text", text: truncate(plain, LIMITS.headerText), emoji: true },
  };
}

export function context(...mrkdwn: string[]): Block {
  return {
    type: "context",
    elements: mrkdwn
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: "mrkdwn" as const, text: truncate(text, LIMITS.sectionText) })),
  };
}

export function divider(): Block {
  return { type: "divider" };
}

export function button(actionId: string, label: string, value: string, style?: "primary" | "danger"): Button {
  if (value.length > LIMITS.buttonValue) {
    // A value cut in half would not decode; callers shorten what they put in it.
    throw new RangeError(
      `button value for ${actionId} is ${value.length} characters (limit ${LIMITS.buttonValue})`,
    );
  }
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: truncate(label, LIMITS.buttonText), emoji: true },
    value,
    ...(style === undefined ? {} : { style }),
  };
}

export function actions(blockId: string, elements: Button[]): Block {
  return { type: "actions", block_id: blockId, elements };
}

/**
 * Keeps a message within Slack's block limit: the last block (the buttons) stays, and a notice
 * replaces whatever did not fit.
 */
export function fitBlocks(blocks: readonly Block[], max: number, omittedNotice: string): Block[] {
  if (blocks.length <= max) return [...blocks];
  const last = blocks[blocks.length - 1];
  const keepLast = last?.type === "actions";
  const room = max - 1 - (keepLast ? 1 : 0);
  const kept = blocks.slice(0, room);
  return [...kept, context(omittedNotice), ...(keepLast && last !== undefined ? [last] : [])];
}

/** Fallback text is plain, but Slack still parses `<…>` in it, so it is escaped like mrkdwn. */
export function fallbackText(...lines: string[]): string {
  return truncate(lines.filter((line) => line !== "").join("\n"), LIMITS.fallbackText);
}
