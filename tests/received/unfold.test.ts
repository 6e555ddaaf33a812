import { describe, expect, it } from "vitest";
import { decodeEncodedWords, findHeaderFields, splitHeaderFields, unfold } from "@/lib/received";
import { readFixture } from "./helpers";

describe("splitHeaderFields", () => {
  it("unfolds folded lines keeping their whitespace", () => {
    const fields = splitHeaderFields("Received: from a\n\tby b\n  with ESMTP; date\nSubject: x\n");
    expect(fields).toEqual([
      { name: "Received", value: "from a\tby b  with ESMTP; date" },
      { name: "Subject", value: "x" },
    ]);
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
    ["CR CR LF", "\r\r\n"],
  ])("accepts %s line endings", (_label, eol) => {
    const raw = ["Received: from a", " by b; Tue, 14 Feb 2006 13:14:51 +0900", "Subject: x", ""].join(eol);
    expect(splitHeaderFields(raw).map((f) => f.name)).toEqual(["Received", "Subject"]);
  });

  it("skips leading blank lines and an mbox From_ line", () => {
    const raw = "\n\nFrom alice@example.com Tue Feb 14 13:14:51 2006\nReceived: by b; x\n";
    expect(splitHeaderFields(raw)).toEqual([{ name: "Received", value: "by b; x" }]);
  });

  it("stops at the blank line that ends the header section", () => {
    const raw = "Subject: x\n\nReceived: from body.example.com by c; date\n";
    expect(splitHeaderFields(raw).map((f) => f.name)).toEqual(["Subject"]);
  });

  it("joins a continuation line whose indentation was lost in copying", () => {
    const raw =
      "Received: from a.example.com\nby b.example.net with ESMTPS id X; Tue, 14 Feb 2006 13:14:51 +0900\nSubject: x\n";
    expect(splitHeaderFields(raw)[0]?.value).toBe(
      "from a.example.com by b.example.net with ESMTPS id X; Tue, 14 Feb 2006 13:14:51 +0900",
    );
  });

  it("can keep only the fields of one name", () => {
    const raw = "DKIM-Signature: a;\n b=c\nReceived : by x; y\nreceived: by z; w\nX-Received: by q; r\n";
    expect(splitHeaderFields(raw, "received")).toEqual([
      { name: "Received", value: "by x; y" },
      { name: "received", value: "by z; w" },
    ]);
  });

  it("keeps X-Received and ARC fields apart from Received", () => {
    const names = splitHeaderFields(readFixture("gmail.eml")).map((f) => f.name);
    expect(names.filter((n) => n === "Received")).toHaveLength(3);
    expect(names).toContain("X-Received");
    expect(names).toContain("ARC-Seal");
    expect(names).toContain("Received-SPF");
  });
});

describe("unfold and findHeaderFields", () => {
  it.each([
    ["a\r\n b", "a b"],
    ["a\n\tb", "a\tb"],
    ["a\r\r\n b", "a b"],
    ["a\nb", "a b"],
    ["a\r\n", "a"],
    ["no breaks", "no breaks"],
  ])("unfolds %j", (folded, unfolded) => {
    expect(unfold(folded)).toBe(unfolded);
  });

  it("gives ranges into the original text", () => {
    const raw = "Subject: x\r\nReceived: from a\r\n\tby b; date\r\nTo: y\r\n";
    const [field] = findHeaderFields(raw, "received");
    expect(field?.name).toBe("Received");
    expect(raw.slice(field?.start, field?.end)).toBe(" from a\r\n\tby b; date");
  });
});

describe("decodeEncodedWords", () => {
  it("decodes B and Q words in UTF-8 and ISO-2022-JP", () => {
    expect(decodeEncodedWords("=?UTF-8?B?5pqX5Y+35YyW44Gu56K66KqN44Gr44Gk44GE44Gm?=")).toBe("暗号化の確認について");
    expect(decodeEncodedWords("=?UTF-8?Q?Re:_=E6=97=A5=E6=9C=AC=E8=AA=9E?= and TLS")).toBe("Re: 日本語 and TLS");
    expect(decodeEncodedWords("=?ISO-2022-JP?B?GyRCQXc/LiVGJTklSBsoQg==?=")).toBe("送信テスト");
  });

  it("joins adjacent words before decoding, as ISO-2022-JP mailers split characters", () => {
    const subject = "=?ISO-2022-JP?B?GyRCMEU5ZjI9JA==?=\r\n =?ISO-2022-JP?B?TjNORyckSyREJCQkRhsoQg==?=";
    expect(decodeEncodedWords(subject)).toBe("暗号化の確認について");
  });

  it("drops whitespace between encoded words but keeps it around plain text", () => {
    expect(decodeEncodedWords("=?UTF-8?Q?a?= =?UTF-8?Q?b?= c =?UTF-8?Q?d?=")).toBe("ab c d");
  });

  it("decodes the Subject of a Japanese fixture", () => {
    const subject = splitHeaderFields(readFixture("jp-isp.eml")).find((f) => f.name === "Subject");
    expect(decodeEncodedWords(subject?.value ?? "")).toBe("暗号化の確認について");
  });

  it.each([
    "=?x-unknown-charset?B?YWJj?=",
    "=?UTF-8?B?not base64!?=",
    "=?UTF-8?X?abc?=",
    "=?UTF-8?Q?=ZZ?=",
    "=?=?=?=?",
    "plain text",
  ])("leaves %j as written", (text) => {
    expect(decodeEncodedWords(text)).toBe(text);
  });
});
