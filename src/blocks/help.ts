import { BLOCK_TEXT, HELP_FOOTER, HELP_LINES, unrecognisedCommand } from "./messages.js";
import { context, echoQuestion, fallbackText, header, section } from "./text.js";
import type { Block, SlackMessage } from "./types.js";

export function helpBlocks(): Block[] {
  return [
    header(BLOCK_TEXT.helpTitle),
    section(HELP_LINES.map((line) => `• ${line}`).join("\n")),
    context(HELP_FOOTER),
  ];
}

/** Help, opening with what was not understood when the user typed something unrecognised. */
export function buildHelpMessage(unrecognised: string | null = null): SlackMessage {
  const intro = unrecognised === null ? [] : [section(unrecognisedCommand(echoQuestion(unrecognised)))];
  return {
    text: fallbackText(
      unrecognised === null ? "" : unrecognisedCommand(echoQuestion(unrecognised)),
      BLOCK_TEXT.helpTitle,
      ...HELP_LINES,
    ),
    blocks: [...intro, ...helpBlocks()],
  };
}
