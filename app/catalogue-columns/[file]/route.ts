import { columnStylesheet, COLUMN_STYLES_PATH, parseColumnStylesFile } from "@/lib/catalogue/column-styles";
import { getServiceProperties } from "@/lib/queries/properties";

// The property list lives in the database, which an import changes while the site runs.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

// The catalogue's generated column labels (lib/catalogue/column-styles.ts). A name that matches the
// current sheet may be kept for good; an older page asking for its old sheet gets the current one,
// not to be stored, which names the same columns unless the property list itself changed.
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const wanted = parseColumnStylesFile((await params).file);
  if (!wanted)
    return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const sheet = columnStylesheet(wanted.locale, await getServiceProperties());
  const current = sheet.href === `${COLUMN_STYLES_PATH}/${wanted.locale}-${wanted.hash}.css`;
  return new Response(sheet.css, {
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
