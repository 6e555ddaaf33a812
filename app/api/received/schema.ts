import { z } from "zod";
import { MAX_PASTE_BYTES } from "@/lib/received/limits";

/** 1 MiB, as the page's form: the analyzer is benchmarked at this size (lib/received/limits.ts). */
export const MAX_RECEIVED_BODY_BYTES = MAX_PASTE_BYTES;

export const RECEIVED_CONTENT_TYPES = ["text/plain", "application/json"] as const;

/** The JSON form of the request; the text/plain form is the raw headers themselves. */
export const receivedJsonRequestSchema = z.object({
  headers: z.string(),
});
export type ReceivedJsonRequest = z.infer<typeof receivedJsonRequestSchema>;

export type ReceivedError = { error: string };
