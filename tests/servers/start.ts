import { startTestServers } from "./index";

// Starts every test mail server on loopback and prints one line of JSON with their ports and
// the test CA's file, then keeps them up until stdin closes or SIGINT/SIGTERM arrives.
// Usage: npx tsx tests/servers/start.ts [--no-dovecot]
const servers = await startTestServers({ dovecot: !process.argv.includes("--no-dovecot") });
const { stop, certs, ...ports } = servers;
process.stdout.write(`${JSON.stringify({ ...ports, caFile: certs.caFile, pid: process.pid })}\n`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stop();
  process.exit(0);
}
const onSignal = () => void shutdown();
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.stdin.on("end", onSignal);
process.stdin.on("close", onSignal);
process.stdin.resume();
