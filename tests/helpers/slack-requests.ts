import { signedHeaders } from "../../src/slack/signature.js";

export interface SentRequest {
  status: number;
  body: string;
  ms: number;
}

/** Builds requests shaped as Slack sends them, signed with the app's signing secret. */
export class SlackRequests {
  private eventCounter = 0;

  constructor(
    private readonly url: string,
    private readonly signingSecret: string,
  ) {}

  async send(body: string, contentType: string, headers: Record<string, string> = {}): Promise<SentRequest> {
    const started = performance.now();
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": contentType, ...headers },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    return { status: response.status, body: await response.text(), ms: performance.now() - started };
  }

  signed(body: string, timestampSeconds?: number): Record<string, string> {
    return signedHeaders(body, this.signingSecret, timestampSeconds);
  }

  /** A slash command: form-encoded, as Slack posts it. */
  commandBody(text: string, responseUrl: string, overrides: Record<string, string> = {}): string {
    return new URLSearchParams({
      token: "deprecated-verification-token",
      team_id: "T0001",
      team_domain: "fake",
      channel_id: "C0001",
      channel_name: "general",
      user_id: "U0001",
      user_name: "alice",
      command: "/talks",
      text,
      api_app_id: "A0001",
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: "1.2.3",
      ...overrides,
    }).toString();
  }

  async command(
    text: string,
    responseUrl: string,
    overrides: Record<string, string> = {},
  ): Promise<SentRequest> {
    const body = this.commandBody(text, responseUrl, overrides);
    return this.send(body, "application/x-www-form-urlencoded", this.signed(body));
  }

  /** An Events API event_callback, JSON as Slack posts it. */
  eventBody(event: Record<string, unknown>, eventId?: string): string {
    this.eventCounter += 1;
    return JSON.stringify({
      token: "deprecated-verification-token",
      team_id: "T0001",
      api_app_id: "A0001",
      event,
      type: "event_callback",
      event_id: eventId ?? `Ev${Date.now()}${this.eventCounter}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: "T0001", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    });
  }

  async event(
    event: Record<string, unknown>,
    options: { eventId?: string; retryNum?: number } = {},
  ): Promise<SentRequest> {
    const body = this.eventBody(event, options.eventId);
    const retry: Record<string, string> =
      options.retryNum === undefined
        ? {}
        : { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" };
    return this.send(body, "application/json", { ...this.signed(body), ...retry });
  }

  /** Interactivity: a form field `payload` holding the JSON, as Slack posts it. */
  async blockAction(payload: Record<string, unknown>): Promise<SentRequest> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, "application/x-www-form-urlencoded", this.signed(body));
  }
}

/** A block_actions payload for one button click on a message. */
export function buttonClick(
  action: { action_id: string; value: string },
  options: { responseUrl: string; channel?: string; ephemeral?: boolean; message?: Record<string, unknown> },
): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: "U0002", username: "bob", name: "bob", team_id: "T0001" },
    api_app_id: "A0001",
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: options.channel ?? "C0001",
      is_ephemeral: options.ephemeral ?? false,
    },
    trigger_id: "1.2.3",
    team: { id: "T0001", domain: "fake" },
    channel: { id: options.channel ?? "C0001", name: "general" },
    ...(options.ephemeral === true
      ? {}
      : { message: { type: "message", ts: "1700000000.000100", ...options.message } }),
    response_url: options.responseUrl,
    actions: [
      { type: "button", block_id: "b", text: { type: "plain_text", text: "x" }, action_ts: "1.1", ...action },
    ],
  };
}
