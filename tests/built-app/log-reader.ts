import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseLine } from "./built-app.js";

/**
 * A log shipper in miniature: the app's standard output is a real pipe (a FIFO, as in a shell
 * pipeline or under a supervisor) read by a separate `cat` process, which a test can stop (SIGSTOP:
 * it stalls and stops reading) or kill (the reader goes away).
 */
export interface LogReader {
  /** The FIFO's write end, to hand to the app as its standard output. */
  appStdout: number;
  /** JSON lines that got through, as `cat` passed them on. */
  lines: Record<string, unknown>[];
  /** Call once the app has been spawned: the app holds its own copy of the write end. */
  releaseAppStdout(): void;
  stall(): void;
  resume(): void;
  /** The reader goes away, as a log shipper that crashed. */
  kill(): Promise<void>;
  waitFor(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

export function startLogReader(dir: string): LogReader {
  const fifo = join(dir, "stdout.fifo");
  execFileSync("mkfifo", [fifo]);
  const reader: ChildProcess = spawn("cat", [fifo], { stdio: ["ignore", "pipe", "ignore"] });
  const lines: Record<string, unknown>[] = [];
  if (reader.stdout !== null) {
    createInterface({ input: reader.stdout }).on("line", (line) => lines.push(parseLine(line)));
  }
  // Opening a FIFO for writing waits until a reader has it open: `cat` does so as it starts.
  const appStdout = openSync(fifo, "w");
  const exited = new Promise<void>((resolve) => reader.once("exit", () => resolve()));
  return {
    appStdout,
    lines,
    releaseAppStdout: () => closeSync(appStdout),
    stall: () => reader.kill("SIGSTOP"),
    resume: () => reader.kill("SIGCONT"),
    async kill() {
      reader.kill("SIGKILL");
      await exited;
    },
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = lines.find(match);
        if (found !== undefined) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no matching log line within ${timeoutMs} ms (${lines.length} lines read)`);
    },
  };
}
