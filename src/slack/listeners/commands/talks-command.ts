import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { DIGEST_NOT_AVAILABLE, SOMETHING_WENT_WRONG } from "../../../blocks/messages.js";
import { buildNoticeMessage } from "../../../blocks/notice.js";
import type { SlackMessage } from "../../../blocks/types.js";
import { parseTalksCommand } from "../../../commands/parse.js";
import { plainText } from "../../../commands/plain-text.js";
import { type Reply, replyTo } from "../../../commands/respond.js";
import type { DigestCommand } from "../../../commands/types.js";
import { type HandledContext, logHandled, outcomeOf, recordQuestion } from "../../conversation.js";
import type { ListenerDeps } from "../../types.js";

export type TalksCommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/**
 * How long a digest command may take to be answered in the acknowledgement itself. Past it the ack
 * goes out empty and the reply follows through the response_url, well inside Slack's 3 seconds.
 */
export const DIGEST_ACK_BUDGET_MS = 1_500;

const ephemeral = (message: SlackMessage) => ({ response_type: "ephemeral" as const, ...message });

/** The digest's reply, or null when it is still being worked on after `ms`. */
async function within<T>(work: Promise<T>, ms: number): Promise<{ value: T } | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/talks …`: answered in the acknowledgement itself, which is both the fastest reply and the one
 * that costs the server least. Only digest commands, which read and write the store, may fall back
 * to acking first and replying through the response_url when the store is slow.
 */
export function talksCommandCallback(deps: ListenerDeps) {
  return async ({ ack, command, respond }: TalksCommandArgs): Promise<void> => {
    const startedAt = Date.now();
    const context: HandledContext = {
      kind: "command",
      command: command.command,
      trigger: command.trigger_id,
      teamId: command.team_id,
      channelId: command.channel_id,
    };
    // The router is pure and total: whatever was typed, it gives a command.
    const parsed = parseTalksCommand(plainText(command.text ?? ""));
    if (parsed.kind === "digest" && deps.digest !== undefined) {
      await answerDigest(deps, parsed.digest, deps.digest, { ack, command, respond }, context, startedAt);
      return;
    }
    let reply: Reply;
    try {
      reply =
        parsed.kind === "digest"
          ? { message: buildNoticeMessage(DIGEST_NOT_AVAILABLE), logRecord: null }
          : await replyTo(parsed, {
              engine: deps.getEngine(),
              now: deps.now(),
              staleAfterDays: deps.config.staleAfterDays,
              ephemeral: true,
              teamId: command.team_id,
              escalate: deps.config.escalationChannel !== null,
            });
    } catch (error) {
      deps.logger.error({ err: error, ...context }, "could not answer the slash command");
      await ack(ephemeral(buildNoticeMessage(SOMETHING_WENT_WRONG)));
      logHandled(deps, context, { handledAs: parsed.kind, failed: true }, startedAt);
      return;
    }
    await ack(ephemeral(reply.message));
    logHandled(deps, context, outcomeOf(reply, parsed.kind), startedAt);
    recordQuestion(deps, reply.logRecord);
  };
}

async function answerDigest(
  deps: ListenerDeps,
  digest: DigestCommand,
  handler: NonNullable<ListenerDeps["digest"]>,
  { ack, command, respond }: Pick<TalksCommandArgs, "ack" | "command" | "respond">,
  context: HandledContext,
  startedAt: number,
): Promise<void> {
  const outcome = { handledAs: `digest ${digest.action}` };
  const fallback = ephemeral(buildNoticeMessage(SOMETHING_WENT_WRONG));
  const work = handler(digest, {
    teamId: command.team_id,
    channelId: command.channel_id,
    userId: command.user_id,
    now: deps.now(),
  });
  let quick: { value: SlackMessage } | null;
  try {
    quick = await within(work, DIGEST_ACK_BUDGET_MS);
  } catch (error) {
    deps.logger.error({ err: error, ...context }, "could not answer the digest command");
    await ack(fallback);
    logHandled(deps, context, { ...outcome, failed: true }, startedAt);
    return;
  }
  if (quick !== null) {
    await ack(ephemeral(quick.value));
    logHandled(deps, context, outcome, startedAt);
    return;
  }
  await ack();
  try {
    await respond(ephemeral(await work));
    logHandled(deps, context, { ...outcome, viaResponseUrl: true }, startedAt);
  } catch (error) {
    deps.logger.error({ err: error, ...context }, "could not answer the digest command");
    await respond(fallback).catch((fallbackError: unknown) =>
      deps.logger.error({ err: fallbackError, ...context }, "could not send the fallback reply"),
    );
  }
}
