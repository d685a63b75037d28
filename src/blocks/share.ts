import { ACTION_IDS, encodeShare, type ShareTarget } from "./actions.js";
import { BLOCK_TEXT } from "./messages.js";
import { actions, button, context } from "./text.js";
import type { Block } from "./types.js";

/** Options every card accepts: a Share button on ephemeral replies, a "Shared by" line once shared. */
export interface CardOptions {
  shareable?: boolean;
  sharedBy?: string;
}

export function sharedByBlocks(options: CardOptions): Block[] {
  return options.sharedBy === undefined ? [] : [context(BLOCK_TEXT.sharedBy(options.sharedBy))];
}

export function shareBlocks(options: CardOptions, target: ShareTarget): Block[] {
  return options.shareable === true
    ? [actions("talks_share", [button(ACTION_IDS.share, BLOCK_TEXT.share, encodeShare(target))])]
    : [];
}
