import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ISPDB_DIR } from "../helpers/ispdb-sample";

export const BROKEN_XML = `<?xml version="1.0"?>\n<clientConfig version="1.1">\n  <emailProvider id="broken.example">\n    <domain>broken.example</domain>\n`;
export const BAD_PORT_XML = `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="badport.example"><domain>badport.example</domain><displayName>Bad port</displayName>
  <incomingServer type="imap"><hostname>imap.badport.example</hostname><port>nine</port><socketType>SSL</socketType></incomingServer></emailProvider></clientConfig>`;
export const GOOD_XML = `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="good.example"><domain>good.example</domain><displayName>Good</displayName>
  <incomingServer type="imap"><hostname>imap.good.example</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer></emailProvider></clientConfig>`;

export function writeFiles(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// The sample copied into a temporary folder (never into the repository), plus extra files.
export function copySampleWith(dir: string, extra: Record<string, string>): string {
  for (const f of readdirSync(ISPDB_DIR)) copyFileSync(path.join(ISPDB_DIR, f), path.join(dir, f));
  return writeFiles(dir, extra);
}
