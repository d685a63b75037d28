import { KnowledgeBaseError } from "../knowledge/load.js";
import { SlackTokenRejectedError } from "../slack/reach-slack.js";
import { StorageUnavailableError } from "../storage/messages.js";

/** Errors that stop start-up with a message naming the setting at fault: no stack trace helps there. */
export function isStartupError(error: unknown): error is Error {
  return (
    error instanceof KnowledgeBaseError ||
    error instanceof StorageUnavailableError ||
    error instanceof SlackTokenRejectedError
  );
}
