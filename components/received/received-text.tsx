"use client";

import { createContext, useContext } from "react";
// types only: the dictionary itself stays on the server
import type { receivedMessages } from "@/lib/i18n/messages/received";

// The analyzer's strings in the page's language, handed to the form by the page and read by every
// part of the report through this context, so the browser gets one language's strings as data
// instead of both dictionaries in its code.
export type ReceivedText = Omit<
  (typeof receivedMessages)["ja"],
  "title" | "description" | "lead" | "privacy" | "howTo" | "articles"
>;

const ReceivedTextContext = createContext<ReceivedText | null>(null);

export const ReceivedTextProvider = ReceivedTextContext.Provider;

export function useReceivedText(): ReceivedText {
  const text = useContext(ReceivedTextContext);
  if (!text) throw new Error("useReceivedText outside ReceivedTextProvider");
  return text;
}
