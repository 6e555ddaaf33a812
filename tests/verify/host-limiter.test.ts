import { describe, expect, it } from "vitest";
import { MemoryHostLimiter, runVerifications, type Clock } from "@/lib/verify/host-limiter";
import { readVerifyLimits } from "@/lib/verify/config";
import { RetryableVerifyError, type VerifyDeps, type VerifyLimits, type VerifyOutcome } from "@/lib/verify/types";

// A clock that moves only when told, so pauses and backoffs are checked without waiting.
function fakeClock(): Clock & { advance: (ms: number) => Promise<void>; slept: number[] } {
  let now = 0;
  let timers: Array<{ at: number; resolve: () => void }> = [];
  const slept: number[] = [];
  return {
    now: () => now,
    slept,
    sleep: (ms) => {
      slept.push(ms);
      return new Promise<void>((resolve) => timers.push({ at: now + ms, resolve }));
    },
    advance: async (ms) => {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.resolve();
      await settle();
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

// Counts how many runs of each key are inside fn at once.
function gauge() {
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  return {
    peak,
    enter: (key: string) => {
      const n = (active.get(key) ?? 0) + 1;
      active.set(key, n);
      peak.set(key, Math.max(peak.get(key) ?? 0, n));
    },
    leave: (key: string) => active.set(key, (active.get(key) ?? 1) - 1),
  };
}

describe("MemoryHostLimiter", () => {
  it("runs at most perHostConcurrency checks of one host at once, other hosts beside them", async () => {
    const limiter = new MemoryHostLimiter({ perHostConcurrency: 2, perHostPauseMs: 0 }, fakeClock());
    const g = gauge();
    const gates = Array.from({ length: 6 }, deferred);
    const runs = gates.map((gate, i) => {
      const host = i < 5 ? "mail.example.jp" : "other.example.jp";
      return limiter.run(i < 5 && i % 2 ? host.toUpperCase() : host, async () => {
        g.enter(host);
        await gate.promise;
        g.leave(host);
        return i;
      });
    });
    await settle();
    expect(g.peak.get("mail.example.jp")).toBe(2);
    expect(g.peak.get("other.example.jp")).toBe(1);
    for (const gate of gates) {
      gate.resolve();
      await settle();
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(g.peak.get("mail.example.jp")).toBe(2);
    expect(limiter.trackedHosts).toBe(0);
  });

  it("waits perHostPauseMs after a check of a host ends before the next starts", async () => {
    const clock = fakeClock();
    const limiter = new MemoryHostLimiter({ perHostConcurrency: 1, perHostPauseMs: 1000 }, clock);
    const started: string[] = [];
    const first = limiter.run("mx.example.jp", async () => started.push("a"));
    const second = limiter.run("mx.example.jp", async () => started.push("b"));
    const elsewhere = limiter.run("mx.example.com", async () => started.push("c"));
    await settle();
    expect(started).toEqual(["a", "c"]);
    await clock.advance(999);
    expect(started).toEqual(["a", "c"]);
    await clock.advance(1);
    expect(started).toEqual(["a", "c", "b"]);
    await Promise.all([first, second, elsewhere]);
  });

  it("frees the slot when the check throws", async () => {
    const limiter = new MemoryHostLimiter({ perHostConcurrency: 1, perHostPauseMs: 0 }, fakeClock());
    await expect(limiter.run("h.example", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run("h.example", async () => "next")).resolves.toBe("next");
  });
});

const LIMITS: VerifyLimits = {
  concurrency: 2,
  perHostConcurrency: 2,
  perHostPauseMs: 0,
  stepTimeoutMs: 1000,
  retries: 3,
  retryBackoffMs: 100,
};
const deps = {} as VerifyDeps;
const outcome = (slug: string): VerifyOutcome => ({
  slug,
  endpoints: 1,
  verifiedAgain: 1,
  changed: 0,
  unreachable: 0,
  domainCheck: "not-configured",
  domainFindings: 0,
});

describe("runVerifications", () => {
  it("runs `concurrency` services at once and keeps the order of the slugs", async () => {
    const g = gauge();
    const slugs = ["a", "b", "c", "d", "e"];
    const results = await runVerifications(deps, slugs, LIMITS, {
      clock: fakeClock(),
      verify: async (_deps, slug) => {
        g.enter("all");
        await settle();
        g.leave("all");
        return outcome(slug);
      },
    });
    expect(g.peak.get("all")).toBe(2);
    expect(results.map((r) => r.slug)).toEqual(slugs);
    expect(results.every((r) => r.ok && r.attempts === 1)).toBe(true);
  });

  it("retries a network failure with doubling waits, and gives up after `retries`", async () => {
    const clock = fakeClock();
    const calls = new Map<string, number>();
    const run = runVerifications(deps, ["flaky", "down"], LIMITS, {
      clock,
      verify: async (_deps, slug) => {
        const n = (calls.get(slug) ?? 0) + 1;
        calls.set(slug, n);
        if (slug === "flaky" && n === 3) return outcome(slug);
        throw new RetryableVerifyError(`${slug}: unreachable`);
      },
    });
    for (let i = 0; i < 10; i++) await clock.advance(1000);
    const [flaky, down] = await run;
    expect(flaky).toMatchObject({ ok: true, attempts: 3 });
    expect(down).toMatchObject({ ok: false, attempts: 4 });
    expect(calls.get("down")).toBe(4);
    // flaky: 100, 200; down: 100, 200, 400
    expect([...clock.slept].sort((a, b) => a - b)).toEqual([100, 100, 200, 200, 400]);
  });

  it("does not retry a job that failed otherwise (a server's answer, a database error)", async () => {
    const results = await runVerifications(deps, ["x"], LIMITS, {
      clock: fakeClock(),
      verify: () => Promise.reject(new Error("no such service")),
    });
    expect(results[0]).toMatchObject({ ok: false, attempts: 1, error: { message: "no such service" } });
  });
});

describe("readVerifyLimits", () => {
  it("has defaults, reads the variables, treats empty as unset and names a bad one", () => {
    expect(readVerifyLimits({})).toEqual({
      concurrency: 4,
      perHostConcurrency: 2,
      perHostPauseMs: 1000,
      stepTimeoutMs: 8000,
      retries: 3,
      retryBackoffMs: 2000,
    });
    expect(readVerifyLimits({ VERIFY_PER_HOST: "1", VERIFY_HOST_PAUSE_MS: "", PATH: "/bin" })).toMatchObject({
      perHostConcurrency: 1,
      perHostPauseMs: 1000,
    });
    expect(() => readVerifyLimits({ VERIFY_CONCURRENCY: "0" })).toThrow(/VERIFY_CONCURRENCY/);
    expect(() => readVerifyLimits({ VERIFY_STEP_TIMEOUT_MS: "fast" })).toThrow(/VERIFY_STEP_TIMEOUT_MS/);
  });
});
