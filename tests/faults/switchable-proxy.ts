import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy on loopback in front of a real server (the fake Slack, PostgreSQL) that a test can cut:
 * `refuse()` closes the listening port and drops every open connection, so new connections are
 * refused exactly as with a dead server; `restore()` listens again on the same port. `freeze()`
 * is the nastier fault: connections stay open and new ones are accepted, but nothing passes either
 * way, with no reset, as when a link or a server hangs.
 */
export class SwitchableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  private frozen = false;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = "127.0.0.1",
  ) {}

  get listeningPort(): number {
    return this.port;
  }

  async start(): Promise<this> {
    await this.listen(0);
    return this;
  }

  /** Connections are refused from now on, and the ones open are cut. */
  async refuse(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** From now on nothing passes in either direction; every connection stays open. */
  freeze(): void {
    this.frozen = true;
  }

  async restore(): Promise<void> {
    if (this.server === null) await this.listen(this.port);
  }

  async stop(): Promise<void> {
    await this.refuse();
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on("data", (chunk: Buffer) => {
        if (!this.frozen) upstream.write(chunk);
      });
      upstream.on("data", (chunk: Buffer) => {
        if (!this.frozen) client.write(chunk);
      });
      client.on("end", () => upstream.end());
      upstream.on("end", () => client.end());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }
}
