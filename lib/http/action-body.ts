// The envelope of a server action's body as React's encodeReply writes it, checked before Next
// decodes it: Next answers an undecodable body with a 500 and logs the parser's stack, where the
// client's mistake deserves a 400 and a quiet log. Only the envelope is checked (rows that must be
// JSON are JSON); what the action receives is still the action's to validate.
//
// - text/plain: the whole body is the root row, a JSON array (the arguments).
// - multipart/form-data: field "0" is the root row; other rows named by a number are JSON too;
//   the rest ("_1_domain", "_1_$ACTION_KEY": a FormData argument's entries) are any text or file.
// - anything else is not an action body.
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// The root row is the action's argument list.
function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

async function parseMultipart(contentType: string, body: Buffer): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

// A form posted without JavaScript (no Next-Action header): Next parses any multipart body to
// look for an action in it, and answers one it cannot parse with a 500.
export async function isParsableMultipart(contentType: string | undefined, body: Buffer): Promise<boolean> {
  return (await parseMultipart(contentType ?? "", body)) !== null;
}

export async function isWellFormedActionBody(contentType: string | undefined, body: Buffer): Promise<boolean> {
  const media = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (media === "text/plain") return isJsonArray(body.toString("utf8"));
  if (media !== "multipart/form-data") return false;
  const form = await parseMultipart(contentType!, body);
  if (form === null) return false;
  const root = form.get("0");
  if (typeof root !== "string" || !isJsonArray(root)) return false;
  for (const [name, value] of form.entries()) {
    if (/^\d+$/.test(name) && (typeof value !== "string" || !isJson(value))) return false;
  }
  return true;
}
