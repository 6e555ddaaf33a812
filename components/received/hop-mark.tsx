import { useReceivedText } from "@/components/received/received-text";
import type { Locale } from "@/lib/i18n/locales";
import type { Level, TlsState } from "@/lib/received/types";

type IconName = TlsState | "weak";

function MarkIcon({ tls }: { tls: IconName }) {
  const common = {
    "aria-hidden": true,
    viewBox: "0 0 24 24",
    width: 22,
    height: 22,
    className: "hop-mark__icon",
    focusable: false,
  } as const;
  switch (tls) {
    case "yes":
      return (
        <svg {...common}>
          <path d="M8 11V7a4 4 0 0 1 8 0v4" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" />
        </svg>
      );
    case "no":
      return (
        <svg {...common}>
          <path d="M16 11V5a4 4 0 0 0-8 0v1" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <rect x="5" y="11" width="14" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="2.2" />
        </svg>
      );
    case "weak":
      // a closed lock with a warning sign: encrypted, but not to today's standard
      return (
        <svg {...common}>
          <path d="M8 11V7a4 4 0 0 1 8 0v4" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <rect x="5" y="11" width="14" height="10" rx="2" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <path d="M12 13.5v3.5" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
          <circle cx="12" cy="19" r="1.2" fill="currentColor" />
        </svg>
      );
    case "local":
      return (
        <svg {...common}>
          <path d="M3 11.5 12 4l9 7.5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round" />
          <path d="M6 10v10h12V10" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <rect x="10" y="14" width="4" height="6" fill="currentColor" />
        </svg>
      );
    case "unknown":
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <text x="12" y="17" textAnchor="middle" fontSize="14" fontWeight="700" fill="currentColor">
            ?
          </text>
        </svg>
      );
  }
}

type HopMarkProps = { tls: TlsState; locale: Locale; weak?: boolean };

// The symbol is decoration; the text beside it carries the meaning, so colour is never the only cue.
// An encrypted hop with an old version or a weak cipher gets the warning lock and says so.
export function HopMark({ tls, weak = false }: HopMarkProps) {
  const t = useReceivedText().marks;
  const isWeak = weak && tls === "yes";
  return (
    <span className={`hop-mark hop-mark--${isWeak ? "weak" : tls}`} data-tls={tls}>
      <MarkIcon tls={isWeak ? "weak" : tls} />
      <span className="hop-mark__label">{isWeak ? t.weak : t[tls]}</span>
    </span>
  );
}

const LEVEL_ICON: Record<Level, IconName> = {
  good: "yes",
  weak: "weak",
  "not-encrypted": "no",
  unknown: "unknown",
  none: "unknown",
};

type LevelMarkProps = { level: Level; locale: Locale };

/** The headline's mark: an icon and the level in words. */
export function LevelMark({ level }: LevelMarkProps) {
  const t = useReceivedText();
  return (
    <span className={`hop-mark hop-mark--level-${level}`} data-level={level}>
      <MarkIcon tls={LEVEL_ICON[level]} />
      <span className="hop-mark__label">{t.levelMarks[level]}</span>
    </span>
  );
}
