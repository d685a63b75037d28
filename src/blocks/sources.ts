import { formatDate } from "../answers/age.js";
import type { KnowledgeBase } from "../knowledge/load.js";
import { BLOCK_TEXT } from "./messages.js";
import { type CardOptions, shareBlocks, sharedByBlocks } from "./share.js";
import { context, escapeMrkdwn, fallbackText, fitBlocks, header, LIMITS, link, section } from "./text.js";
import type { Block, SlackMessage } from "./types.js";

/** The documents behind the data by title, newest first, each with its date and the outlets it cites. */
export function buildSourcesMessage(kb: KnowledgeBase, options: CardOptions = {}): SlackMessage {
  const documents = [...kb.documents.values()].sort((a, b) => b.date.localeCompare(a.date));
  const body: Block[] = [
    ...sharedByBlocks(options),
    header(BLOCK_TEXT.sourcesTitle),
    ...documents.map((document) => {
      const title =
        document.url === undefined ? escapeMrkdwn(document.title) : link(document.url, document.title);
      return section(
        `*${title}*\n${formatDate(document.date)} · ${BLOCK_TEXT.cites} ${escapeMrkdwn(document.outlets.join(", "))}`,
      );
    }),
    context(BLOCK_TEXT.sourcesFooter(documents.length)),
  ];
  const text = fallbackText(
    BLOCK_TEXT.sourcesTitle,
    ...documents.map(
      (document) =>
        `${escapeMrkdwn(document.title)} (${formatDate(document.date)}): ${escapeMrkdwn(document.outlets.join(", "))}`,
    ),
  );
  return {
    text,
    blocks: fitBlocks(
      [...body, ...shareBlocks(options, { kind: "sources" })],
      LIMITS.messageBlocks,
      BLOCK_TEXT.omitted,
    ),
  };
}
