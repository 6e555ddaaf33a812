import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DomainCheckOptions } from "@/lib/mx/check-domain";
import type { ProbeOptions } from "@/lib/probe/types";

// The contract between the verification job (lib/verify/verify-service.ts), the one-process
// runner (`npm run verify` on the embedded database) and the PostgreSQL queue's workers
// (lib/queue, `npm run worker`). One job verifies one catalogue service: every endpoint its
// sources name, each probe taken through the host limiter.

export type VerifyLimits = {
  // services verified at once by one process (the queue's per-worker batch; the runner's pool)
  concurrency: number;
  // connections open to one mail host at once, across every process that shares the limiter
  perHostConcurrency: number;
  // quiet time after a check of a host ends before the next check of that host starts
  perHostPauseMs: number;
  // per connect, read and TLS handshake (ProbeOptions.timeoutMs)
  stepTimeoutMs: number;
  // attempts after the first for a job that failed on the network, and the first wait
  retries: number;
  retryBackoffMs: number;
};

export interface HostLimiter {
  // Runs fn once the host has a free slot and its pause since the last check has passed.
  // In one process: memory. Across workers: the database (lib/queue).
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
}

export type VerifyDeps = {
  db: PrismaClient;
  hosts: HostLimiter;
  // the one resolver seam (lookup) and the test CA; the address guard stays in force
  probe: Pick<ProbeOptions, "timeoutMs" | "overallTimeoutMs" | "ca" | "lookup" | "allowLoopback">;
  // ISO day (YYYY-MM-DD) the evidence is dated
  today: () => string;
  // the mail-domain check's resolver, port-25 switch and test seams (lookup, loopback and CA are
  // the probe's); absent: the service's mail domain is not checked (a test run that names no DNS
  // server, so the job never asks the real internet about a test domain)
  domain?: DomainCheckDeps;
};

export type DomainCheckDeps = Pick<DomainCheckOptions, "resolver" | "port25" | "smtpPortFor" | "dial">;

// checked: the report was read (its not-tested parts say nothing); no-domain: the service has no
// ServiceDomain; not-configured: deps.domain absent; failed: the check threw (never retried)
export type DomainCheckStatus = "checked" | "no-domain" | "not-configured" | "failed";

export type VerifyOutcome = {
  slug: string;
  endpoints: number;
  // properties whose current claim the probe confirmed ("verified again on <day>")
  verifiedAgain: number;
  // properties where the probe found another value: a new dated probe claim
  changed: number;
  // endpoints that could not be reached (network), so nothing was said about them
  unreachable: number;
  // the service's mail domain (MX STARTTLS, MTA-STS, TLS-RPT, DANE): what became of the check,
  // and how many of its findings were recorded (each counted in verifiedAgain or changed too)
  domainCheck: DomainCheckStatus;
  domainFindings: number;
};

// Every endpoint failed on the network (refused, reset, timeout, DNS): the queue retries with
// backoff. A server that answers "no" is a result, never this error.
export class RetryableVerifyError extends Error {
  override name = "RetryableVerifyError";
}

export type VerifyService = (deps: VerifyDeps, slug: string) => Promise<VerifyOutcome>;
