import { describe, expect, it } from "vitest";
import { planCatalogue } from "@/lib/seed/build-catalogue";
import { DataValidationError, loadCatalogueData } from "@/lib/seed/load-data";
import { copyOfRealData, editJson } from "../seed/data-fixtures";

async function issuesFor(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof DataValidationError) return error.issues;
    throw error;
  }
  throw new Error("expected the data to be rejected");
}

describe("data/calendar.json is checked like the other data files", () => {
  it("names the file, the entry and the field of a bad date, a bad URL and a misspelt field", async () => {
    const dir = copyOfRealData();
    editJson(dir, "calendar.json", (json) => {
      json[0].date = "16 Sep 2024";
      json[1].sources[0].url = "http://heise.de/-11185502";
      json[2].dateEnd = "2026-02-30";
      json[3].whatToDo = json[3].action;
    });
    const issues = await issuesFor(() => loadCatalogueData(dir));
    expect(issues.map((i) => `${i.file} ${i.record} ${i.field}`)).toEqual([
      'calendar.json #1 "outlook-com-modern-auth" date',
      'calendar.json #2 "gmail-pop-fetch-gmailify" sources[0].url',
      'calendar.json #3 "exchange-online-pop-imap-legacy-tls" dateEnd',
      'calendar.json #4 "exchange-online-smtp-auth-basic" (whole record)',
    ]);
    expect(issues[2]?.message).toMatch(/not a date on the calendar/);
    expect(issues[3]?.message).toMatch(/whatToDo/);
  });

  it("allows a date in the future but not a source read in the future, nor an end before the start", async () => {
    const dir = copyOfRealData();
    editJson(dir, "calendar.json", (json) => {
      json[3].date = "2099-01-01";
      json[0].sources[0].read = "2099-01-01";
      json[2].dateEnd = "2026-06-30";
    });
    const issues = await issuesFor(() => loadCatalogueData(dir));
    expect(issues.map((i) => `${i.record} ${i.field}`)).toEqual([
      '#1 "outlook-com-modern-auth" sources[0].read',
      '#3 "exchange-online-pop-imap-legacy-tls" dateEnd',
    ]);
  });

  it("rejects an unknown mail client and a duplicate id", async () => {
    const dir = copyOfRealData();
    editJson(dir, "calendar.json", (json) => {
      json[1].clients = ["gmail-app", "pegasus-mail"];
      json[3].id = json[2].id;
    });
    const issues = await issuesFor(() => loadCatalogueData(dir));
    expect(issues.map((i) => `${i.record} ${i.field}: ${i.message}`)).toEqual([
      '#4 "exchange-online-pop-imap-legacy-tls" slug: duplicate calendar id "exchange-online-pop-imap-legacy-tls"',
      '#2 "gmail-pop-fetch-gmailify" clients[1]: unknown mail client "pegasus-mail" (not in clients.json)',
    ]);
  });

  it("rejects a service no source holds once the sources are merged", async () => {
    const dir = copyOfRealData();
    editJson(dir, "calendar.json", (json) => {
      json[2].services = ["microsoft-365", "exchange-on-the-moon"];
    });
    const data = await loadCatalogueData(dir);
    const issues = await issuesFor(async () => planCatalogue(data));
    expect(issues).toEqual([
      {
        file: "calendar.json",
        record: '#3 "exchange-online-pop-imap-legacy-tls"',
        field: "services[1]",
        message: 'no service has the slug "exchange-on-the-moon" after merging',
      },
    ]);
  });
});
