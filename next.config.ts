import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several builds (a second dev server, a test build) coexist beside the main one.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
