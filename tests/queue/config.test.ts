import { describe, expect, it } from "vitest";
import { QUEUE_LIMIT_DEFAULTS, readQueueConfig } from "@/lib/queue/config";
import { readVerifyLimits, VERIFY_LIMIT_DEFAULTS } from "@/lib/verify/config";

describe("queue settings from the environment", () => {
  it("has defaults, and a job timeout that covers every endpoint waiting its turn on one host", () => {
    const config = readQueueConfig({});
    expect(config.limits).toEqual({
      concurrency: 8,
      perHostConcurrency: 2,
      perHostPauseMs: 1000,
      stepTimeoutMs: 8000,
      retries: 3,
      retryBackoffMs: 60_000,
    });
    expect(config.overallTimeoutMs).toBe(32_000);
    // 12 endpoints, 2 at a time, each up to 32 s + 1 s pause, doubled
    expect(config.jobTimeoutSeconds).toBe(396);
    expect(config.hostLeaseMs).toBeGreaterThan(config.overallTimeoutMs);
    expect(config.testHosts).toBeNull();
    expect(config.testToday).toBeNull();
  });

  it("reads the six limits as npm run verify does, differing only in the two defaults it names", () => {
    const changed = Object.keys(QUEUE_LIMIT_DEFAULTS).filter(
      (k) =>
        QUEUE_LIMIT_DEFAULTS[k as keyof typeof QUEUE_LIMIT_DEFAULTS] !==
        VERIFY_LIMIT_DEFAULTS[k as keyof typeof VERIFY_LIMIT_DEFAULTS],
    );
    expect(changed.sort()).toEqual(["concurrency", "retryBackoffMs"]);
    const env = {
      VERIFY_CONCURRENCY: "3",
      VERIFY_PER_HOST: "1",
      VERIFY_HOST_PAUSE_MS: "250",
      VERIFY_STEP_TIMEOUT_MS: "2000",
      VERIFY_RETRIES: "5",
      VERIFY_RETRY_BACKOFF_MS: "1500",
    };
    expect(readQueueConfig(env).limits).toEqual(readVerifyLimits(env));
    // one range for one variable: what the runner refuses, a worker refuses
    for (const bad of [{ VERIFY_PER_HOST: "17" }, { VERIFY_RETRIES: "11" }, { VERIFY_RETRY_BACKOFF_MS: "-1" }]) {
      expect(() => readVerifyLimits(bad)).toThrow(Object.keys(bad)[0]);
      expect(() => readQueueConfig(bad)).toThrow(Object.keys(bad)[0]);
    }
  });

  it("treats an empty variable as unset", () => {
    const config = readQueueConfig({ VERIFY_CONCURRENCY: "", VERIFY_POLL_SECONDS: "", VERIFY_TEST_HOSTS: "" });
    expect(config.limits.concurrency).toBe(8);
    expect(config.pollSeconds).toBe(2);
    expect(config.testHosts).toBeNull();
  });

  it("names a bad variable", () => {
    expect(() => readQueueConfig({ VERIFY_PER_HOST: "0" })).toThrow(/VERIFY_PER_HOST/);
    expect(() => readQueueConfig({ VERIFY_CONCURRENCY: "many" })).toThrow(/VERIFY_CONCURRENCY/);
    expect(() => readQueueConfig({ VERIFY_POLL_SECONDS: "0.1" })).toThrow(/VERIFY_POLL_SECONDS/);
  });

  it("takes test host names only as a map of names to addresses", () => {
    expect(readQueueConfig({ VERIFY_TEST_HOSTS: '{"mx.a.test":"127.0.0.1"}' }).testHosts).toEqual({
      "mx.a.test": "127.0.0.1",
    });
    expect(() => readQueueConfig({ VERIFY_TEST_HOSTS: '{"mx.a.test":"localhost"}' })).toThrow(/VERIFY_TEST_HOSTS/);
    expect(() => readQueueConfig({ VERIFY_TEST_HOSTS: "{mx.a.test}" })).toThrow(/VERIFY_TEST_HOSTS/);
  });

  it("takes a test day only as YYYY-MM-DD", () => {
    expect(readQueueConfig({ VERIFY_TEST_TODAY: "2026-12-03" }).testToday).toBe("2026-12-03");
    expect(() => readQueueConfig({ VERIFY_TEST_TODAY: "2026-12-3" })).toThrow(/VERIFY_TEST_TODAY/);
    expect(() => readQueueConfig({ VERIFY_TEST_TODAY: "2026-02-30" })).toThrow(/VERIFY_TEST_TODAY/);
  });

  it("refuses every test seam with NODE_ENV=production", () => {
    const seams = {
      VERIFY_TEST_HOSTS: '{"mx.a.test":"127.0.0.1"}',
      VERIFY_TEST_CA_FILE: "/tmp/ca.pem",
      VERIFY_TEST_TODAY: "2026-12-03",
    };
    for (const [name, value] of Object.entries(seams)) {
      expect(() => readQueueConfig({ NODE_ENV: "production", [name]: value })).toThrow(new RegExp(name));
      expect(readQueueConfig({ NODE_ENV: "test", [name]: value })).toBeTruthy();
    }
    expect(readQueueConfig({ NODE_ENV: "production" }).testToday).toBeNull();
  });
});
