// Every path under /api that no route claims: a JSON 404 for any method, so an API client never
// has to read the site's HTML error page.
function notFound(): Response {
  return Response.json({ error: "Not found" }, { status: 404, headers: { "cache-control": "no-store" } });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
