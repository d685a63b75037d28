import { type AddressInfo, createServer, type Server, type Socket } from "node:net";

/**
 * A PostgreSQL server on loopback that refuses every login with one SQLSTATE, as a real server does
 * after its start-up packet (the machine's own server trusts every login, so it cannot show this).
 */
export class RefusingPostgres {
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private port = 0;

  constructor(
    private readonly code: string,
    private readonly message: string,
  ) {
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => socket.destroy());
      socket.once("data", () => socket.end(this.errorResponse()));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(user: string, password: string, database: string): string {
    return `postgres://${user}:${password}@127.0.0.1:${this.port}/${database}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** An ErrorResponse message: 'E', its length, then typed null-terminated fields. */
  private errorResponse(): Buffer {
    const fields = Buffer.concat(
      [
        ["S", "FATAL"],
        ["V", "FATAL"],
        ["C", this.code],
        ["M", this.message],
      ]
        .map(([type, value]) => Buffer.from(`${type}${value}\0`))
        .concat(Buffer.from("\0")),
    );
    const length = Buffer.alloc(4);
    length.writeInt32BE(fields.length + 4);
    return Buffer.concat([Buffer.from("E"), length, fields]);
  }
}
