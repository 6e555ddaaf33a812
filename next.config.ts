import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several builds (a second dev server, a test build) coexist beside the main one.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  experimental: {
    // The header analyzer accepts 1 MiB of pasted UTF-8; Japanese text within the textarea's
    // maxlength can be up to 3 bytes a character, and the browser sends line breaks as CRLF.
    // The body limit sits above that so the action's own check answers with a localized message.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

export default nextConfig;
