import type { types } from "@slack/bolt";

export type Block = types.KnownBlock;
export type Button = types.Button;

/** A message as the bot posts it: Block Kit for the eye, `text` for notifications and screen readers. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** The App Home tab's view, as views.publish takes it. */
export interface HomeView {
  type: "home";
  blocks: Block[];
}
