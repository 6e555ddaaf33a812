// The floor npm run bench:http compares against: one page's bytes, read once, served from memory
// by node:http with nothing else on the event loop. Run as its own process by bench/http.ts.
// Usage: tsx bench/bare-server.ts PORT BODY_FILE CONTENT_TYPE
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, file, contentType] = process.argv.slice(2);
if (!port || !file || !contentType) {
  console.error("Usage: tsx bench/bare-server.ts PORT BODY_FILE CONTENT_TYPE");
  process.exit(2);
}
const body = readFileSync(file);
const headers = { "content-type": contentType, "content-length": String(body.length) };

createServer((req, res) => {
  req.resume();
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`listening on ${port}`));
