import type { IspdbProvider } from "@/lib/ispdb/types";

export const AUTOCONFIG_STEPS = ["autoconfig", "well-known", "ispdb", "mx", "mx-ispdb", "guess"] as const;
export type AutoconfigStep = (typeof AUTOCONFIG_STEPS)[number];

export type AutoconfigOutcome = "found" | "not-found" | "invalid" | "timeout" | "error";

export type AutoconfigAttempt = {
  step: AutoconfigStep;
  url: string;
  outcome: AutoconfigOutcome;
  detail?: string;
  ms: number;
};

export type AutoconfigResult = {
  // the ASCII (punycode) form that was looked up
  domain: string;
  answeredBy: AutoconfigStep;
  // where the answer was fetched from; null for a guess
  url: string | null;
  // true when no source answered and the settings are a guess nobody has confirmed
  guessed: boolean;
  config: IspdbProvider;
  mxHosts: string[];
  attempts: AutoconfigAttempt[];
};

export type AutoconfigUrls = { autoconfig: string; wellKnown: string; ispdb: string };

export type MxRecord = { exchange: string; priority: number };
