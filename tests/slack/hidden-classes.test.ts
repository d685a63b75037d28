import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const PROBE = fileURLToPath(new URL("./hidden-class-probe.ts", import.meta.url));

/**
 * On Node 20 (V8 11.3) an object literal that starts with a spread and then adds keys gets a new
 * hidden class on every call; those survive young-generation GCs until a full one and lengthen every
 * pause (the ack bench's p99). The objects the app builds per request must keep one hidden class.
 */
describe("objects built per request", () => {
  it("keep one hidden class from call to call", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--allow-natives-syntax", "--import", "tsx", PROBE],
      { timeout: 30_000 },
    );
    const verdicts = JSON.parse(stdout) as Record<string, boolean>;
    // `spreadThenAdd` is the pattern itself, reported so a failure here can be read against it.
    expect(verdicts).toEqual({
      commandAck: true,
      commandLogLine: true,
      mentionPost: true,
      mentionLogLine: true,
      spreadThenAdd: expect.any(Boolean),
    });
  });
});
