import { type Node, NodeType, parse as parseSlackMessage } from "slack-message-parser";

/** A Slack message as words: the markup gone, what it quotes kept apart. */
export interface SlackText {
  /** The message's own words, without markup, mentions, emoji or bare links. */
  text: string;
  /** Quoted lines (`> …`): what the question is about, when it says "is that true?". */
  quoted: string[];
}

/** `@channel` typed as plain text (not a real mention) still only addresses people. */
const ADDRESSES = /(^|\s)@(channel|here|everyone|talks|talksbot|talks-bot)\b/gi;
/** Unicode emoji typed directly ("👋", "☀️"), with their joiners and variation selectors. */
const PICTOGRAPHS = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200d|\ufe0f|[\u{1f3fb}-\u{1f3ff}]/gu;
/** Slack sends &, < and > escaped in message text; the `ask` command and tests send them raw. */
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

function words(nodes: readonly Node[] | undefined, quoted: string[]): string {
  return (nodes ?? []).map((node) => wordsOf(node, quoted)).join("");
}

function wordsOf(node: Node, quoted: string[]): string {
  switch (node.type) {
    case NodeType.Text:
      return decode(node.text);
    case NodeType.Code:
      return decode(node.text);
    case NodeType.PreText:
      return ` ${decode(node.text)} `;
    case NodeType.Bold:
    case NodeType.Italic:
    case NodeType.Root:
      return words(node.children, quoted);
    case NodeType.URL:
      // The label is what the person wrote ("AP story"); a bare address says nothing to match on.
      return node.label === undefined ? " " : ` ${words(node.label, quoted)} `;
    case NodeType.Quote:
      quoted.push(words(node.children, quoted).trim());
      return "\n";
    // Struck-out words are ones the writer took back ("the ~two~ *three* things").
    case NodeType.Strike:
    // Mentions address people and channels; emoji decorate.
    case NodeType.UserLink:
    case NodeType.ChannelLink:
    case NodeType.Command:
    case NodeType.Emoji:
      return " ";
  }
}

const tidy = (text: string) =>
  text
    .replace(ADDRESSES, "$1")
    .replace(PICTOGRAPHS, " ")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();

/**
 * Reads a message as Slack writes it: mrkdwn (`*bold*`, `_it_`, `~struck~`, backticks), emoji shortcodes
 * and pictographs, `<url|label>` links (the label kept), user, channel and special mentions, `@channel`
 * typed as text, and quoted lines, which are kept apart as context.
 */
export function readSlackText(raw: string): SlackText {
  // A line typed as "> …" (the `ask` command, a test) is a quote just as Slack's escaped "&gt; …" is.
  const escapedQuotes = raw.replace(/^([ \t]*)>/gm, "$1&gt;");
  const quoted: string[] = [];
  const text = tidy(wordsOf(parseSlackMessage(escapedQuotes), quoted));
  return { text, quoted: quoted.map(tidy).filter((line) => line !== "") };
}
