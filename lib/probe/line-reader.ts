import type { Duplex } from "node:stream";

export class ProbeTimeoutError extends Error {
  readonly code = "timeout";
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "ProbeTimeoutError";
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ProbeTimeoutError(ms)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

export class ProbeProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ProbeProtocolError";
  }
}

// A hostile or broken server must not make the probe buffer without end.
const MAX_LINE_BYTES = 8192;
const MAX_BUFFER_BYTES = 64 * 1024;

// Reads CRLF-terminated lines from a socket, each read bounded by a timeout. Detaching hands the
// raw socket back (for the TLS upgrade) along with anything the server sent early.
export class LineReader {
  private buffer = "";
  private lines: string[] = [];
  private waiter: { resolve: (line: string) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private readonly onData = (chunk: Buffer) => this.push(chunk);
  private readonly onEnd = () => this.fail(new ProbeProtocolError("closed", "the server closed the connection"));
  private readonly onError = (error: Error) => this.fail(error);

  constructor(private readonly socket: Duplex) {
    socket.on("data", this.onData);
    socket.on("end", this.onEnd);
    socket.on("close", this.onEnd);
    socket.on("error", this.onError);
  }

  private push(chunk: Buffer): void {
    // latin1 keeps every byte; the lines that matter are ASCII
    this.buffer += chunk.toString("latin1");
    let index: number;
    while ((index = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, index).replace(/\r$/, "");
      this.buffer = this.buffer.slice(index + 1);
      this.lines.push(line.length > MAX_LINE_BYTES ? line.slice(0, MAX_LINE_BYTES) : line);
    }
    if (this.buffer.length > MAX_LINE_BYTES || this.lines.join("").length > MAX_BUFFER_BYTES) {
      this.fail(new ProbeProtocolError("overlong", "the server sent an overlong line"));
      this.socket.destroy();
      return;
    }
    this.deliver();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.deliver();
  }

  private deliver(): void {
    if (!this.waiter) return;
    const line = this.lines.shift();
    const waiter = this.waiter;
    if (line !== undefined) {
      this.waiter = null;
      waiter.resolve(line);
    } else if (this.failure) {
      this.waiter = null;
      waiter.reject(this.failure);
    }
  }

  readLine(timeoutMs: number): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new ProbeTimeoutError(timeoutMs));
      }, timeoutMs);
      this.waiter = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.deliver();
    });
  }

  // Whatever arrived after the last line read; before a TLS upgrade it must be empty, or the
  // server (or someone in the path) injected data that would otherwise be read as if encrypted.
  detach(): { pending: string } {
    this.socket.off("data", this.onData);
    this.socket.off("end", this.onEnd);
    this.socket.off("close", this.onEnd);
    this.socket.off("error", this.onError);
    const pending = [...this.lines.map((l) => `${l}\n`), this.buffer].join("");
    this.lines = [];
    this.buffer = "";
    return { pending };
  }
}
