import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { loadConfig } from "../config/env.js";
import { startApp } from "../start.js";

/**
 * Starts a stand-in for Slack: `script` is plain JavaScript run in its own Node process (so its work
 * does not count against the app it serves) that prints its loopback port on its first line.
 */
export async function startStubSlack(script: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(child.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
  return { child, url: `http://127.0.0.1:${line.toString().trim()}` };
}

/** The real app in HTTP mode on a free loopback port, calling the stub Slack at `stubUrl`. */
export function startAppAgainstStub(options: {
  botToken: string;
  signingSecret: string;
  stubUrl: string;
  dataDir: string;
}): ReturnType<typeof startApp> {
  return startApp(
    loadConfig({
      SLACK_BOT_TOKEN: options.botToken,
      SLACK_SIGNING_SECRET: options.signingSecret,
      SLACK_API_URL: `${options.stubUrl}/api/`,
      PORT: "0",
      DATA_DIR: options.dataDir,
      LOG_LEVEL: "silent",
    }),
  );
}

/** The nearest-rank percentile `p` (0–100) of ascending `sorted`; NaN when there are no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
