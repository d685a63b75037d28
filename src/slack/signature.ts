import { createHmac } from "node:crypto";

/**
 * Slack's request signature (v0): what Bolt verifies on every HTTP request. Kept here so the
 * benchmarks and end-to-end tests sign exactly as Slack does.
 */
export function slackSignature(body: string, signingSecret: string, timestampSeconds: number): string {
  const digest = createHmac("sha256", signingSecret).update(`v0:${timestampSeconds}:${body}`).digest("hex");
  return `v0=${digest}`;
}

export function signedHeaders(
  body: string,
  signingSecret: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    "x-slack-request-timestamp": String(timestampSeconds),
    "x-slack-signature": slackSignature(body, signingSecret, timestampSeconds),
  };
}
