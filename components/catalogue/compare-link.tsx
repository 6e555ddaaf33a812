"use client";

import Link from "next/link";

// `on` is left out rather than false: every row sends these props.
type CompareLinkProps = { href: string; label: string; on?: true };

// A real link, so adding works without JavaScript. With JavaScript, `replace` keeps a tick out of
// the history (Back leaves the catalogue instead of un-ticking) and `scroll={false}` keeps the
// place in the list; the element survives the re-render, so focus stays on it. A client
// component only so that each of the page's rows sends three short props rather than a <Link>'s
// six.
export function CompareLink({ href, label, on }: CompareLinkProps) {
  return (
    <Link
      href={href}
      replace
      scroll={false}
      prefetch={false}
      data-compare-toggle={on ? "on" : "off"}
      aria-label={label}
    />
  );
}
