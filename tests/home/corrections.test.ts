import { describe, expect, it } from "vitest";
import { getCorrectionContact } from "@/lib/corrections";

describe("getCorrectionContact", () => {
  it("reads an e-mail address, with or without mailto:", () => {
    expect(getCorrectionContact({ CORRECTIONS_CONTACT: "fix@example.jp" })).toEqual({
      kind: "email",
      value: "fix@example.jp",
    });
    expect(getCorrectionContact({ CORRECTIONS_CONTACT: "mailto:fix@example.jp" })).toEqual({
      kind: "email",
      value: "fix@example.jp",
    });
  });

  it("reads an https URL", () => {
    expect(getCorrectionContact({ CORRECTIONS_CONTACT: "https://example.jp/corrections" })).toEqual({
      kind: "url",
      value: "https://example.jp/corrections",
    });
  });

  it("shows no contact when unset or not a usable address", () => {
    expect(getCorrectionContact({})).toBeNull();
    expect(getCorrectionContact({ CORRECTIONS_CONTACT: "" })).toBeNull();
    expect(getCorrectionContact({ CORRECTIONS_CONTACT: "javascript:alert(1)" })).toBeNull();
    expect(getCorrectionContact({ CORRECTIONS_CONTACT: "call us" })).toBeNull();
  });
});
