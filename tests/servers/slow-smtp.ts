import net from "node:net";

// A plain SMTP server on loopback that stands in for one provider's mail host in the queue's
// tests and bench:verify: every reply comes after a delay (a distant server), it never offers
// STARTTLS (the probe records a "no", a real answer), and it counts the connections open at
// once, so a test can see whether the per-host limit held across worker processes.
export type SlowSmtpServer = {
  port: number;
  // connections open at once, now and at the most
  open: () => number;
  peak: () => number;
  connections: () => number;
  // [start, end] of every finished connection, in ms since the epoch
  intervals: () => Array<[number, number]>;
  close: () => Promise<void>;
};

export async function startSlowSmtp({
  name = "mx.slow.test",
  delayMs = () => 50,
}: { name?: string; delayMs?: () => number } = {}): Promise<SlowSmtpServer> {
  let open = 0;
  let peak = 0;
  let connections = 0;
  const intervals: Array<[number, number]> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const started = Date.now();
    sockets.add(socket);
    connections++;
    open++;
    peak = Math.max(peak, open);
    socket.on("error", () => {});
    socket.once("close", () => {
      open--;
      sockets.delete(socket);
      intervals.push([started, Date.now()]);
    });
    const reply = (text: string, then?: () => void) =>
      setTimeout(() => {
        if (!socket.destroyed) socket.write(text, then);
      }, delayMs());
    reply(`220 ${name} ESMTP test\r\n`);
    let buffered = "";
    socket.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("latin1");
      let end;
      while ((end = buffered.indexOf("\r\n")) >= 0) {
        const command = buffered.slice(0, end).split(" ")[0]?.toUpperCase();
        buffered = buffered.slice(end + 2);
        if (command === "EHLO") reply(`250-${name}\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n`);
        else if (command === "QUIT") reply("221 bye\r\n", () => socket.end());
        else reply("502 not here\r\n");
      }
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
  });
  return {
    port,
    open: () => open,
    peak: () => peak,
    connections: () => connections,
    intervals: () => [...intervals],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// A loopback port where nothing listens: connections are refused (a network failure).
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
