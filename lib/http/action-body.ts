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
// look for an action in it, answers one it cannot parse with a 500, and one naming an action the
// build does not have with a 400 and a stack in the log. The same checks as Next's
// areAllActionIdsValid, against the build's ids (null: not known, not checked).
export async function isAcceptableFormPost(
  contentType: string | undefined,
  body: Buffer,
  actionIds: ReadonlySet<string> | null,
): Promise<boolean> {
  const form = await parseMultipart(contentType ?? "", body);
  if (form === null) return false;
  if (actionIds === null) return true;
  let refs = 0;
  let actions = 0;
  for (const key of form.keys()) {
    if (key.startsWith("$ACTION_ID_")) {
      if (!actionIds.has(key.slice("$ACTION_ID_".length))) return false;
      actions++;
    } else if (key.startsWith("$ACTION_REF_")) {
      if (++refs > 2) return false;
      const descriptors = form.getAll(`$ACTION_${key.slice("$ACTION_REF_".length)}:0`);
      const descriptor = descriptors[0];
      if (descriptors.length !== 1 || typeof descriptor !== "string") return false;
      const id = /^\{"id":"([^"]*)"/.exec(descriptor)?.[1];
      if (id === undefined || !actionIds.has(id)) return false;
      actions++;
    }
  }
  // a multipart post to a page that names no action is refused by Next too
  return actions > 0;
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
