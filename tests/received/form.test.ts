import { describe, expect, it } from "vitest";
import { analyzeReceivedHeaders, MAX_HOP_FIELD_CHARS } from "@/lib/received";
import {
  analyzeFormData,
  MAX_FINDING_HOPS,
  MAX_PASTE_BYTES,
  MAX_SHOWN_HOPS,
  parseReceivedForm,
  toReceivedResult,
  utf8Length,
} from "@/lib/received/form";
import { SAMPLE_IDS, SAMPLES } from "@/lib/received/samples";
import { readFixture } from "./helpers";

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

describe("parseReceivedForm", () => {
  it("accepts pasted headers and turns CRLF into LF", () => {
    const result = parseReceivedForm(
      form({
        intent: "paste",
        headers: "Received: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\r\nSubject: x\r\n",
      }),
    );
    expect(result).toEqual({
      ok: true,
      text: "Received: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\nSubject: x\n",
      sample: null,
      enhanced: false,
    });
  });

  it("treats a submission without a submitter as a paste", () => {
    const result = parseReceivedForm(form({ headers: "Subject: hello\n", sample: "gmail" }));
    expect(result).toMatchObject({ ok: true, sample: null, text: "Subject: hello\n" });
  });

  it.each([[""], ["   "], ["\r\n\r\n\t"]])("refuses an empty paste (%j)", (headers) => {
    expect(parseReceivedForm(form({ intent: "paste", headers }))).toMatchObject({
      ok: false,
      error: "empty",
      bytes: null,
    });
  });

  it("accepts exactly 1 MiB and refuses one byte more, without echoing the oversized text", () => {
    const limit = "x".repeat(MAX_PASTE_BYTES);
    expect(parseReceivedForm(form({ intent: "paste", headers: limit }))).toMatchObject({ ok: true });
    const over = parseReceivedForm(form({ intent: "paste", headers: `${limit}y` }));
    expect(over).toEqual({ ok: false, error: "too-large", input: "", bytes: MAX_PASTE_BYTES + 1, enhanced: false });
  });

  it("counts the limit in UTF-8 bytes, not characters", () => {
    // 3 bytes each: fits the textarea's maxlength (in characters) but not the byte limit
    const japanese = "あ".repeat(Math.floor(MAX_PASTE_BYTES / 3) + 1);
    expect(japanese.length).toBeLessThan(MAX_PASTE_BYTES);
    expect(parseReceivedForm(form({ intent: "paste", headers: japanese }))).toMatchObject({
      ok: false,
      error: "too-large",
    });
  });

  it("counts CRLF line breaks as the single LF the visitor pasted", () => {
    const lines = "x".repeat(1023);
    const text = Array.from({ length: 1024 }, () => lines).join("\n") + "\n"; // exactly 1 MiB with LF
    expect(utf8Length(text)).toBe(MAX_PASTE_BYTES);
    expect(parseReceivedForm(form({ intent: "paste", headers: text.replace(/\n/g, "\r\n") }))).toMatchObject({
      ok: true,
    });
  });

  it("loads a sample by id", () => {
    for (const id of SAMPLE_IDS) {
      expect(parseReceivedForm(form({ intent: "sample", sample: id, headers: "", enhanced: "1" }))).toEqual({
        ok: true,
        text: SAMPLES[id],
        sample: id,
        enhanced: true,
      });
    }
  });

  it.each([
    ["an unknown sample", { intent: "sample", sample: "../../etc/passwd" }],
    ["a missing sample", { intent: "sample" }],
    ["an unknown intent", { intent: "delete", headers: "Subject: x" }],
    ["a file instead of text", { intent: "paste", headers: new Blob(["Received: x"]) }],
    ["no headers field", { intent: "paste" }],
  ])("refuses %s as invalid", (_name, fields) => {
    expect(parseReceivedForm(form(fields as Record<string, string | Blob>))).toEqual({
      ok: false,
      error: "invalid",
      input: "",
      bytes: null,
      enhanced: false,
    });
  });
});

describe("utf8Length", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["日本語", 9],
    ["é", 2],
    ["😀", 4],
  ])("%j is %i bytes", (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });
});

describe("analyzeFormData", () => {
  it("returns the analysis of a pasted multi-hop header, oldest hop first, without the raw text", () => {
    const state = analyzeFormData(form({ intent: "paste", headers: readFixture("exim-old.eml") }));
    expect(state.status).toBe("done");
    if (state.status !== "done") return;
    expect(state.result.verdict).toBe("encrypted");
    expect(state.result.hops.map((h) => h.by)).toEqual(["relay.example.net", "mx.example.net", "mail.example.com"]);
    expect(state.result.hops[1]?.weakReasons).toEqual(["tls-below-1.2", "3des"]);
    for (const hop of state.result.hops) {
      expect(Object.keys(hop)).not.toContain("raw");
      expect(Object.keys(hop)).not.toContain("comments");
    }
  });

  it("keeps the pasted text so the textarea can show it again", () => {
    const headers = readFixture("postfix-plain.eml");
    const state = analyzeFormData(form({ intent: "paste", headers }));
    expect(state).toMatchObject({ status: "done", input: headers, sample: null, result: { verdict: "not-encrypted" } });
  });

  it("does not send pasted text back to a browser that still has it, but does send a sample's", () => {
    const headers = readFixture("gmail.eml");
    expect(analyzeFormData(form({ intent: "paste", headers, enhanced: "1" }))).toMatchObject({
      status: "done",
      input: null,
    });
    expect(analyzeFormData(form({ intent: "paste", headers: "", enhanced: "1" }))).toMatchObject({
      status: "error",
      error: "empty",
      input: null,
    });
    expect(analyzeFormData(form({ intent: "sample", sample: "gmail", enhanced: "1" }))).toMatchObject({
      status: "done",
      input: SAMPLES.gmail,
      sample: "gmail",
    });
    expect(analyzeFormData(form({ intent: "paste", headers }))).toMatchObject({ status: "done", input: headers });
  });

  it("shows at most MAX_SHOWN_HOPS hops but judges, counts and names the first plain hop from all of them", () => {
    const tls = "Received: from a.example by b.example with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\n";
    const plain = "Received: from plain.example by c.example with ESMTP; Mon, 1 Jan 2024 00:00:00 +0000\n";
    // the bottom field is the oldest hop, so the plain one ends up as hop 501
    const state = analyzeFormData(form({ intent: "paste", headers: plain + tls.repeat(500) }));
    expect(state.status).toBe("done");
    if (state.status !== "done") return;
    expect(state.result.hops).toHaveLength(MAX_SHOWN_HOPS);
    expect(state.result).toMatchObject({
      verdict: "not-encrypted",
      hopCount: 501,
      firstPlainHop: 501,
      firstPlain: { hop: 501, from: "plain.example", by: "c.example" },
    });
  });

  it("cuts a hop's text fields to MAX_HOP_FIELD_CHARS, as the API does", () => {
    const long = "h".repeat(5000);
    const state = analyzeFormData(
      form({
        intent: "paste",
        headers: `Received: from ${long} by ${long} with SMTP; Mon, 1 Jan 2024 00:00:00 +0000\n`,
      }),
    );
    if (state.status !== "done") throw new Error(state.status);
    const [hop] = state.result.hops;
    expect(hop?.from).toBe(`${"h".repeat(MAX_HOP_FIELD_CHARS - 1)}…`);
    expect(hop?.by).toHaveLength(MAX_HOP_FIELD_CHARS);
    expect(state.result.firstPlain?.from).toHaveLength(MAX_HOP_FIELD_CHARS);
    expect(state.result.firstPlain?.by).toHaveLength(MAX_HOP_FIELD_CHARS);
  });

  it("reports no Received fields as the verdict none, not as an error", () => {
    expect(analyzeFormData(form({ intent: "paste", headers: "Subject: hi\nFrom: a@example.com\n" }))).toMatchObject({
      status: "done",
      result: { verdict: "none", firstPlainHop: null, firstPlain: null, hopCount: 0, hops: [] },
    });
  });

  it("returns validation errors as state", () => {
    expect(analyzeFormData(form({ intent: "paste", headers: " " }))).toEqual({
      status: "error",
      error: "empty",
      input: " ",
      bytes: null,
    });
    expect(analyzeFormData(form({ intent: "sample", sample: "nope" }))).toEqual({
      status: "error",
      error: "invalid",
      input: "",
      bytes: null,
    });
  });
});

describe("samples", () => {
  const expected = {
    "sendmail-2006": {
      verdict: "encrypted",
      firstPlainHop: null,
      tls: ["yes", "yes"],
      weak: [["tls-below-1.2"], ["tls-below-1.2", "3des"]],
    },
    gmail: { verdict: "encrypted", firstPlainHop: null, tls: ["yes", "yes", "local"], weak: [[], [], []] },
    "plain-hop": { verdict: "not-encrypted", firstPlainHop: 2, tls: ["yes", "no", "local"], weak: [[], [], []] },
    "jp-isp": { verdict: "encrypted", firstPlainHop: null, tls: ["yes", "local", "yes"], weak: [[], [], []] },
  } as const;

  it.each(SAMPLE_IDS)("%s reads as the page describes it", (id) => {
    const state = analyzeFormData(form({ intent: "sample", sample: id }));
    expect(state.status).toBe("done");
    if (state.status !== "done") return;
    const e = expected[id];
    expect(state.result.verdict).toBe(e.verdict);
    expect(state.result.firstPlainHop).toBe(e.firstPlainHop);
    expect(state.result.hops.map((h) => h.tls)).toEqual(e.tls);
    expect(state.result.hops.map((h) => h.weakReasons)).toEqual(e.weak);
    // every hop has a date, so the delays are all shown
    expect(state.result.hops.every((h) => h.date !== null)).toBe(true);
  });

  it("uses only reserved example names and documentation addresses", () => {
    for (const text of Object.values(SAMPLES)) {
      for (const [, ip] of text.matchAll(/\[(\d{1,3}(?:\.\d{1,3}){3})\]/g)) {
        expect(ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113|127\.0\.0)\./);
      }
      for (const [, domain] of text.matchAll(/@([a-z0-9.-]+)/gi)) {
        expect(domain).toMatch(/(^|\.)example\.(com|net|org|jp|co\.jp|ne\.jp)$|^gmail\.com$|^mail\.gmail\.com$/);
      }
    }
  });
});

describe("findings on the page", () => {
  it("names at most a dozen hops per finding and counts the rest", () => {
    const line = (n: number) =>
      `Received: from a${n}.example.com ([192.0.2.${n}]) by b${n}.example.com; Mon, 1 Jan 2024 00:00:${String(n).padStart(2, "0")} +0000\n`;
    const text = Array.from({ length: 30 }, (_, i) => line(i + 1)).join("");
    const result = toReceivedResult(analyzeReceivedHeaders(text));
    expect(result.level).toBe("unknown");
    expect(result.findings).toEqual([
      {
        code: "no-tls-record",
        hops: Array.from({ length: MAX_FINDING_HOPS }, (_, i) => i + 1),
        count: 30,
        weak: false,
      },
    ]);
  });
});
