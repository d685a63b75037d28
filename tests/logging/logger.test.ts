import { LogLevel } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { toBoltLogger } from "../../src/logging/bolt-logger.js";
import { createLogger, REDACTED } from "../../src/logging/logger.js";
import { captureLogs } from "../helpers/log-capture.js";

describe("createLogger", () => {
  it("writes one JSON line per event with its context", () => {
    const { logger, entries } = captureLogs();
    logger.info({ command: "/talks", latencyMs: 3 }, "replied");
    expect(entries()).toEqual([
      expect.objectContaining({ level: "info", command: "/talks", latencyMs: 3, msg: "replied" }),
    ]);
  });

  it("redacts secrets by field name, by token shape and by configured value", () => {
    const { logger, lines } = captureLogs(["my-signing-secret"]);
    logger.info(
      {
        token: "abc",
        config: { botToken: "xoxb-1-2", signingSecret: "s" },
        headers: { authorization: "Bearer q" },
      },
      "start",
    );
    logger.error("request failed for xoxb-123-456-abc and xapp-1-A1-xyz at postgres://u:pw@host/db");
    logger.warn("the secret my-signing-secret leaked");
    const text = lines.join("\n");
    for (const secret of [
      "xoxb-1-2",
      "xoxb-123-456-abc",
      "xapp-1-A1-xyz",
      ":pw@",
      "my-signing-secret",
      "Bearer q",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain(REDACTED);
  });

  it("respects the level", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "warn",
      destination: { write: (line: string) => lines.push(line) },
    });
    logger.info("hidden");
    logger.warn("shown");
    expect(lines).toHaveLength(1);
  });
});

describe("toBoltLogger", () => {
  it("routes Bolt's log calls through the app logger, errors included", () => {
    const { logger, entries } = captureLogs();
    const bolt = toBoltLogger(logger);
    bolt.info("listening on", 3000);
    bolt.error("failed", new Error("boom"));
    expect(entries()).toEqual([
      expect.objectContaining({ level: "info", source: "bolt", msg: "listening on 3000" }),
      expect.objectContaining({
        level: "error",
        msg: "failed",
        err: expect.objectContaining({ message: "boom" }),
      }),
    ]);
  });

  it("never logs below the app's level when Bolt asks for debug", () => {
    const lines: string[] = [];
    const bolt = toBoltLogger(
      createLogger({ level: "warn", destination: { write: (line: string) => lines.push(line) } }),
    );
    bolt.setLevel(LogLevel.DEBUG);
    bolt.debug("chatty");
    bolt.warn("important");
    expect(lines).toHaveLength(1);
    expect(bolt.getLevel()).toBe(LogLevel.WARN);
  });
});
