import { describe, expect, it } from "vitest";
import { nameSortKey, sortServices, type SortableService } from "@/lib/catalogue/sort";

let nextId = 1;
const service = (name: string, extra: Partial<SortableService> = {}): SortableService => ({
  id: nextId++,
  name,
  nameEn: null,
  kana: null,
  editorsPick: false,
  supportCount: 0,
  ...extra,
});
const names = (list: SortableService[]) => list.map((s) => s.name);

describe("sortServices by name", () => {
  it("ignores case, unlike SQLite's byte order", () => {
    const list = ["AT&T", "ACTIVE 24", "Ablenet", "AOL Mail", "aktivix", "Zoho"].map((n) => service(n));
    expect(names(sortServices(list, "name", "en"))).toEqual([
      "Ablenet",
      "ACTIVE 24",
      "aktivix",
      "AOL Mail",
      "AT&T",
      "Zoho",
    ]);
    expect(names(sortServices(list, "name", "ja"))).toEqual(names(sortServices(list, "name", "en")));
  });

  it("orders numbers by value", () => {
    const list = [service("Mail 10"), service("Mail 9"), service("Mail 100")];
    expect(names(sortServices(list, "name", "en"))).toEqual(["Mail 9", "Mail 10", "Mail 100"]);
  });

  it("sorts names that start in Japanese by their reading on the Japanese page", () => {
    const list = [
      service("群馬インターネット", { kana: "ぐんまいんたーねっと", nameEn: "Gunma Internet" }),
      service("さくらのレンタルサーバ", { kana: "さくらのれんたるさーば", nameEn: "Sakura Rental Server" }),
      service("アイル iCLUSTA", { kana: "あいる あいくらすた", nameEn: "iCLUSTA" }),
      service("エックスサーバー", { kana: "えっくすさーばー", nameEn: "Xserver" }),
      service("きたうら花ねっと", { kana: "きたうらはなねっと" }),
    ];
    // in code-point order 群 (U+7FA4) would come last, after every kana name
    expect(names(sortServices(list, "name", "ja"))).toEqual([
      "アイル iCLUSTA",
      "エックスサーバー",
      "きたうら花ねっと",
      "群馬インターネット",
      "さくらのレンタルサーバ",
    ]);
  });

  it("keeps names that start in Latin letters in the A–Z part, before the kana part", () => {
    const goo = service("goo メールアドバンス", { kana: "ぐー めーるあどばんす" });
    const ablenet = service("Ablenet", { kana: "えいぶるねっと" });
    const gunma = service("群馬インターネット", { kana: "ぐんまいんたーねっと" });
    const gmail = service("Gmail");
    expect(names(sortServices([gunma, goo, gmail, ablenet], "name", "ja"))).toEqual([
      "Ablenet",
      "Gmail",
      "goo メールアドバンス",
      "群馬インターネット",
    ]);
    expect(nameSortKey(goo, "ja")).toBe("goo メールアドバンス");
  });

  it("sorts by the English name the English page shows", () => {
    const list = [
      service("エックスサーバー", { kana: "えっくすさーばー", nameEn: "Xserver" }),
      service("さくらのレンタルサーバ", { kana: "さくらのれんたるさーば", nameEn: "Sakura Rental Server" }),
      service("BIGLOBE", { kana: "びっぐろーぶ" }),
    ];
    expect(names(sortServices(list, "name", "en"))).toEqual(["BIGLOBE", "さくらのレンタルサーバ", "エックスサーバー"]);
  });

  it("breaks ties by id, so paging through equal names is stable", () => {
    const a = service("Same");
    const b = service("Same");
    expect(sortServices([b, a], "name", "en").map((s) => s.id)).toEqual([a.id, b.id]);
  });
});

describe("sortServices by support and recommendation", () => {
  const pick = service("Zeta", { editorsPick: true, supportCount: 3 });
  const many = service("beta", { supportCount: 9 });
  const manyToo = service("Alpha", { supportCount: 9 });
  const few = service("Aardvark", { supportCount: 1 });

  it("puts the most supported first, then by collated name", () => {
    expect(names(sortServices([few, pick, many, manyToo], "support", "en"))).toEqual([
      "Alpha",
      "beta",
      "Zeta",
      "Aardvark",
    ]);
  });

  it("puts the editor's pick first when recommended", () => {
    expect(names(sortServices([few, many, manyToo, pick], "recommended", "en"))).toEqual([
      "Zeta",
      "Alpha",
      "beta",
      "Aardvark",
    ]);
  });

  it("puts the provider of a searched address before everything else", () => {
    expect(names(sortServices([few, many, pick], "recommended", "ja", new Set([few.id])))).toEqual([
      "Aardvark",
      "Zeta",
      "beta",
    ]);
  });
});
