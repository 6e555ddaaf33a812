"use server";

import { analyzeFormData, type ReceivedState } from "@/lib/received/form";

// The pasted headers are someone's mail: this action never logs, stores or caches them. They
// live only in this request and in the state sent back to the visitor's own page.
// Server actions must be async functions, even when the work inside is synchronous.
// eslint-disable-next-line @typescript-eslint/require-await
export async function analyzeHeaders(_previous: ReceivedState, formData: FormData): Promise<ReceivedState> {
  // An action is a public endpoint: a hand-made request can send any arguments, and an empty
  // form is then what it gets an answer for.
  return analyzeFormData(formData instanceof FormData ? formData : new FormData());
}
