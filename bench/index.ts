// `npm run bench`: every benchmark the issues set a bar for, one after another (never in
// parallel: on two cores they would measure each other). Exits non-zero if a bar is missed.
import { runCatalogueBench } from "./catalogue";
import { formatProbeBench, runProbeBench } from "./probe";
import { formatReceivedBench, runReceivedBench } from "./received";

console.log("== Catalogue: 10,000 services ==");
const catalogue = await runCatalogueBench();

console.log("\n== Received-header analyzer ==");
const received = runReceivedBench();
console.log(formatReceivedBench(received));

console.log("\n== Probe: one service's endpoints, concurrent vs one by one ==");
const probe = await runProbeBench();
console.log(formatProbeBench(probe));

const ok = catalogue.ok && received.pass && probe.failures === 0;
console.log(ok ? "\nAll benchmarks met their bars." : "\nSome benchmark missed its bar (see above).");
process.exit(ok ? 0 : 1);
