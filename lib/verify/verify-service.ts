import { probeEndpoint } from "@/lib/probe/probe-endpoint";
import { findingsFromResults } from "@/lib/probe/properties";
import { getServiceTargets, storeProbeFindings } from "@/lib/probe/store";
import { RetryableVerifyError, type VerifyService } from "./types";

// Placeholder for the queue's branch: the verify branch brings the real job (claims "verified
// again", change records). This one probes every endpoint through the host limiter and stores
// the findings as the probe CLI does, which is all the queue and its tests need.
export const verifyService: VerifyService = async (deps, slug) => {
  const { serviceId, targets } = await getServiceTargets(deps.db, slug);
  const results = await Promise.all(
    targets.map((target) => deps.hosts.run(target.host, () => probeEndpoint(target, deps.probe))),
  );
  // A server that answered (even "no") is a result; only when nothing answered at all is the
  // run worth repeating.
  const unreachable = results.filter((r) => r.greeting === null && !r.plaintextInsteadOfTls && r.tls === null).length;
  if (targets.length > 0 && unreachable === targets.length) {
    const first = results[0]?.failure;
    throw new RetryableVerifyError(
      `${slug}: no endpoint answered (${first ? `${first.step}: ${first.code}` : "no result"})`,
    );
  }
  const findings = findingsFromResults(results);
  const { stored } = await storeProbeFindings(deps.db, serviceId, findings, deps.today());
  return { slug, endpoints: targets.length, verifiedAgain: 0, changed: stored, unreachable };
};
