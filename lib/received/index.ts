export { analyzeReceivedHeaders } from "./analyze";
export { isWeakFinding, judgePath } from "./level";
export { parseReceivedDate, type ParsedDate } from "./date";
export { normalizeTlsVersion } from "@/lib/mail";
export { parseReceivedHop } from "./hop";
export { weakReasonsFor } from "./tls-evidence";
export { tokenizeReceived, type ReceivedToken } from "./tokenize";
export * from "./types";
export * from "./limits";
export { decodeEncodedWords } from "./encoded-words";
export {
  findHeaderFields,
  forEachHeaderField,
  splitHeaderFields,
  unfold,
  type HeaderField,
  type HeaderFieldRange,
  type HeaderFieldVisitor,
} from "./unfold";
