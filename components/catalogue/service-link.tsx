"use client";

import Link from "next/link";

// The catalogue row's link to the service page, without prefetching (a 20-row page would fetch
// 20 service pages). A client component only so that each row sends its href and name, not a
// <Link>'s prefetch prop too: every byte of a row is paid 20 times (scripts/check-weight.ts).
export function ServiceLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} prefetch={false}>
      {children}
    </Link>
  );
}
