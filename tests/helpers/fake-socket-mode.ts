import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** RFC 6455's fixed key suffix for the handshake answer. */
const WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
const OPCODE = { text: 0x1, close: 0x8 } as const;

/** One unmasked frame, as a server sends it. Payloads here are small (under 64 KiB). */
function frame(opcode: number, payload: string): Buffer {
  const data = Buffer.from(payload);
  const header =
    data.length < 126
      ? Buffer.from([0x80 | opcode, data.length])
      : Buffer.from([0x80 | opcode, 126, data.length >> 8, data.length & 0xff]);
  return Buffer.concat([header, data]);
}

/** The opcodes of the frames in a chunk from the client (client frames are always masked). */
function opcodesIn(chunk: Buffer): number[] {
  const opcodes: number[] = [];
  let at = 0;
  while (at + 2 <= chunk.length) {
    const opcode = (chunk[at] ?? 0) & 0x0f;
    let length = (chunk[at + 1] ?? 0) & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      length = chunk.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      length = Number(chunk.readBigUInt64BE(offset));
      offset += 8;
    }
    opcodes.push(opcode);
    at = offset + 4 + length;
  }
  return opcodes;
}

/**
 * Slack's Socket Mode endpoint on loopback, as much of it as a connection needs: the WebSocket
 * handshake, Slack's `hello`, and a clean close. Point `apps.connections.open` at `url`.
 */
export class FakeSocketMode {
  private readonly server: Server = createServer((_req, res) => res.writeHead(404).end());
  private readonly sockets = new Set<Socket>();
  private port = 0;
  connections = 0;

  async start(): Promise<this> {
    this.server.on("upgrade", (req, socket: Socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => socket.destroy());
      const accept = createHash("sha1")
        .update(`${String(req.headers["sec-websocket-key"])}${WEBSOCKET_GUID}`)
        .digest("base64");
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      socket.write(frame(OPCODE.text, JSON.stringify({ type: "hello", num_connections: 1 })));
      socket.on("data", (chunk: Buffer) => {
        if (opcodesIn(chunk).includes(OPCODE.close)) socket.end(frame(OPCODE.close, ""));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/link`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
