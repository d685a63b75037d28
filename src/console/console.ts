import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { answerNotices } from "../answers/freshness.js";
import type { AnswerEngine } from "../answers/types.js";
import { ACTION_IDS, decodeSuggestion, type SuggestionValue } from "../blocks/actions.js";
import { buildAnswerMessage } from "../blocks/answer.js";
import { buildNoticeMessage } from "../blocks/notice.js";
import type { SlackMessage } from "../blocks/types.js";
import { parseTalksCommand } from "../commands/parse.js";
import { type Reply, replyTo } from "../commands/respond.js";
import { type ConversationTurn, createConversationContexts } from "../conversation/context.js";
import type { Logger } from "../logging/logger.js";
import type { QuestionLog } from "../storage/types.js";
import { type ConsoleDigestDeps, consoleDigestReply } from "./digest.js";
import {
  CONSOLE_BANNER,
  CONSOLE_CHANNEL,
  CONSOLE_DIGEST,
  CONSOLE_ERROR,
  CONSOLE_PICK_SUGGESTION,
  CONSOLE_PROMPT,
  CONSOLE_USAGE,
} from "./messages.js";
import { renderMessage } from "./render-blocks.js";

export interface ConsoleDeps {
  input: Readable;
  output: Writable;
  getEngine: () => AnswerEngine;
  now: () => Date;
  /** STALE_AFTER_DAYS */
  staleAfterDays: number;
  questionLog: QuestionLog;
  logger: Logger;
  /** Show a prompt before each line (off when stdin is not a terminal). */
  prompt?: boolean;
  /** `digest preview` and `digest status`; without it, digest commands say the digest needs Slack. */
  digest?: ConsoleDigestDeps;
}

/** The suggested questions of a decline, read back from its buttons so typing "2" can ask one. */
function suggestionsOf(message: SlackMessage): SuggestionValue[] {
  return message.blocks.flatMap((block) =>
    block.type === "actions"
      ? block.elements.flatMap((element) =>
          element.type === "button" && element.action_id?.startsWith(ACTION_IDS.suggestionPrefix) === true
            ? [decodeSuggestion(element.value)].filter((value): value is SuggestionValue => value !== null)
            : [],
        )
      : [],
  );
}

/** "/talks status", "@talks what next?" and "what next?" all mean the same to the console. */
function commandText(line: string): string {
  return line
    .replace(/^\/talks\b/i, "")
    .replace(/^@talks\b/i, "")
    .trim();
}

async function replyToLine(
  line: string,
  deps: ConsoleDeps,
  suggestions: readonly SuggestionValue[],
  previous: ConversationTurn | null,
): Promise<Reply> {
  const engine = deps.getEngine();
  const now = deps.now();
  const picked = /^\d+$/.test(line) ? suggestions[Number(line) - 1] : undefined;
  if (picked !== undefined) {
    const answer = engine.answerEntry(picked.entryId);
    if (answer !== null) {
      return {
        message: buildAnswerMessage(answer, {
          notices: answerNotices(engine.kb, answer, { now, staleAfterDays: deps.staleAfterDays }),
          normalisedQuestion: picked.normalisedQuestion,
        }),
        logRecord: null,
      };
    }
  }
  const command = parseTalksCommand(commandText(line));
  if (command.kind === "digest") {
    const message =
      deps.digest === undefined
        ? buildNoticeMessage(CONSOLE_DIGEST)
        : await consoleDigestReply(command.digest, deps.digest, now);
    return { message, logRecord: null };
  }
  // Logged under the console's own workspace, so its digest preview counts the questions asked here.
  return replyTo(command, {
    engine,
    now,
    staleAfterDays: deps.staleAfterDays,
    ephemeral: false,
    teamId: CONSOLE_CHANNEL.teamId,
    previous,
  });
}

/**
 * Runs the bot on stdin/stdout with the same router and Block Kit builders as Slack, rendered as
 * text. Resolves when the input ends.
 */
export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const { output } = deps;
  const write = (text: string) => output.write(`${text}\n`);
  write(CONSOLE_BANNER);
  write(CONSOLE_USAGE);
  const lines = createInterface({ input: deps.input, terminal: false });
  const prompt = () => {
    if (deps.prompt === true) output.write(CONSOLE_PROMPT);
  };
  let suggestions: SuggestionValue[] = [];
  // The console is one conversation: a follow-up is read with the last question answered in it.
  const conversation = createConversationContexts(1);
  prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line !== "") {
      try {
        const reply = await replyToLine(
          line,
          deps,
          suggestions,
          conversation.recall(CONSOLE_CHANNEL.channelId, deps.now()),
        );
        if (reply.turn != null) conversation.remember(CONSOLE_CHANNEL.channelId, reply.turn);
        write("");
        write(renderMessage(reply.message));
        suggestions = suggestionsOf(reply.message);
        if (suggestions.length > 0) write(CONSOLE_PICK_SUGGESTION(suggestions.length));
        write("");
        if (reply.logRecord !== null) await deps.questionLog.logQuestion(reply.logRecord);
      } catch (error) {
        deps.logger.error({ err: error }, "the console could not answer a line");
        write(CONSOLE_ERROR);
      }
    }
    prompt();
  }
}
