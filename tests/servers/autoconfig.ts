import http from "node:http";

export type AutoconfigServerEntry = {
  type: "imap" | "pop3" | "smtp";
  hostname: string;
  port: number;
  socketType: "SSL" | "STARTTLS" | "plain";
};

// A Thunderbird clientConfig (autoconfig v1.1) document for one domain.
export function clientConfigXml(domain: string, servers: AutoconfigServerEntry[]): string {
  const server = (s: AutoconfigServerEntry) => {
    const tag = s.type === "smtp" ? "outgoingServer" : "incomingServer";
    return `    <${tag} type="${s.type}">
      <hostname>${s.hostname}</hostname>
      <port>${s.port}</port>
      <socketType>${s.socketType}</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username>
    </${tag}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>${domain}</displayName>
${servers.map(server).join("\n")}
  </emailProvider>
</clientConfig>
`;
}

export type AutoconfigServer = { port: number; url: string; requests: string[]; close: () => Promise<void> };

// Stands in for the three places the autoconfig lookup asks (see lib/check/config.ts's
// AUTOCONFIG_BASE_URL): answers /ispdb/<domain> for the domains it knows, 404 for the rest.
export function startAutoconfigServer(documents: Record<string, string>, port = 0): Promise<AutoconfigServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    const match = /^\/ispdb\/([^/?]+)$/.exec(req.url ?? "");
    const body = match?.[1] ? documents[decodeURIComponent(match[1])] : undefined;
    if (!body) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": "application/xml" }).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
