import { DIGEST_COMMAND_MESSAGES, DIGEST_EXAMPLE, quoted } from "../digest/messages.js";

export const COMMAND = "/talks";

export const DIGEST_USAGE = DIGEST_COMMAND_MESSAGES.usage;

/** What the router says about a digest command it cannot read; time and zone share the digest's wording. */
export const digestProblems = {
  badTime: DIGEST_COMMAND_MESSAGES.badTime,
  badTimeZone: DIGEST_COMMAND_MESSAGES.badTimeZone,
  tooManyWords: `I expected at most a time, a time zone and \`daily\` or \`changes\` after \`digest on\`. For example ${DIGEST_EXAMPLE}.`,
  unknownAction: (action: string) => `${quoted(action)} is not a digest command. ${DIGEST_USAGE}`,
  missingAction: DIGEST_USAGE,
} as const;
