import { ZERO_WIDTH_SPACE } from "../blocks/text.js";
import type { Block, SlackMessage } from "../blocks/types.js";

/** mrkdwn as a terminal shows it: links as "label (url)", mentions as @id, entities decoded. */
export function mrkdwnToText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([^<>|]+)\|([^<>]+)>/g, (_, url: string, label: string) => `${label} (${url})`)
    .replace(/<@([A-Z0-9]+)>/g, "@$1")
    .replace(/<#([A-Z0-9]+)(?:\|[^>]*)?>/g, "#$1")
    .replace(/<(https?:[^<>]+)>/g, "$1")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/g, "$1$2")
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:;!?]|$)/g, "$1$2")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replaceAll(ZERO_WIDTH_SPACE, "");
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

function renderBlock(block: Block): string | null {
  switch (block.type) {
    case "header":
      return `${block.text.text}\n${"═".repeat(Math.min(60, block.text.text.length))}`;
    case "section": {
      const parts: string[] = [];
      if (block.text !== undefined) parts.push(mrkdwnToText(block.text.text));
      for (const field of block.fields ?? []) parts.push(mrkdwnToText(field.text));
      return parts.join("\n");
    }
    case "context":
      return indent(
        block.elements.map((element) => ("text" in element ? mrkdwnToText(element.text) : "")).join(" · "),
        "  ",
      );
    case "divider":
      return "─".repeat(40);
    case "actions":
      return block.elements
        .map((element) => ("text" in element && element.text !== undefined ? `[${element.text.text}]` : ""))
        .join(" ");
    default:
      return null;
  }
}

/** Block Kit as readable text, so the console shows what Slack would show. */
export function renderBlocks(blocks: readonly Block[]): string {
  return blocks
    .map(renderBlock)
    .filter((text): text is string => text !== null && text !== "")
    .join("\n");
}

export function renderMessage(message: SlackMessage): string {
  return message.blocks.length > 0 ? renderBlocks(message.blocks) : mrkdwnToText(message.text);
}
