import { z } from "zod";

/** 1 MiB: a full header block is rarely over 100 KiB, and the analyzer is benchmarked at this size. */
export const MAX_RECEIVED_BODY_BYTES = 1_048_576;

export const RECEIVED_CONTENT_TYPES = ["text/plain", "application/json"] as const;

/** The JSON form of the request; the text/plain form is the raw headers themselves. */
export const receivedJsonRequestSchema = z.object({
  headers: z.string(),
});
export type ReceivedJsonRequest = z.infer<typeof receivedJsonRequestSchema>;

export type ReceivedError = { error: string };
