// "servers.imap[0].port": how a zod issue path reads in an import report.
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(record)";
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join("");
}
