import { describe, expect, it } from "vitest";
import { readQueueConfig } from "@/lib/queue/config";

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
  });

  it("names a bad variable", () => {
    expect(() => readQueueConfig({ VERIFY_PER_HOST: "0" })).toThrow(/VERIFY_PER_HOST/);
    expect(() => readQueueConfig({ VERIFY_CONCURRENCY: "many" })).toThrow(/VERIFY_CONCURRENCY/);
  });

  it("takes test host names only as a map of names to addresses", () => {
    expect(readQueueConfig({ VERIFY_TEST_HOSTS: '{"mx.a.test":"127.0.0.1"}' }).testHosts).toEqual({
      "mx.a.test": "127.0.0.1",
    });
    expect(() => readQueueConfig({ VERIFY_TEST_HOSTS: '{"mx.a.test":"localhost"}' })).toThrow(/VERIFY_TEST_HOSTS/);
  });
});
