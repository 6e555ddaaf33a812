import type { Metadata } from "next";
import { z } from "zod";
import { CheckForm } from "@/components/check/check-form";
import { StoredCheckView } from "@/components/check/stored-check";
import { autoconfigDomainSchema } from "@/lib/autoconfig/rules";
import { getLatestCheckResult } from "@/lib/check/store";
import { getDb } from "@/lib/db";
import { format } from "@/lib/i18n/format";
import { checkMessages } from "@/lib/i18n/messages/check";
import { getLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/seo/metadata";
import { checkMailDomain } from "./actions";
import "../../../check.css";

type CheckPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// ?domain= names a result to show; a hand-edited or repeated parameter reads as "none given"
// (the page then shows the form alone) or as bad input (a message, never a 500).
const searchSchema = z.object({ domain: z.string().max(320).optional().catch(undefined) });

type DomainParam = { kind: "none" } | { kind: "invalid"; input: string } | { kind: "valid"; domain: string };

function readDomainParam(raw: Record<string, string | string[] | undefined>): DomainParam {
  const input = searchSchema.parse(raw).domain?.trim();
  if (!input) return { kind: "none" };
  const parsed = autoconfigDomainSchema.safeParse(input);
  return parsed.success ? { kind: "valid", domain: parsed.data } : { kind: "invalid", input };
}

export async function generateMetadata({ params, searchParams }: CheckPageProps): Promise<Metadata> {
  const locale = await getLocale(params);
  const t = checkMessages[locale];
  const param = readDomainParam(await searchParams);
  // a shared result's tab says whose result it is
  const title = param.kind === "valid" ? `${format(t.result.heading, { domain: param.domain })} | ${t.title}` : t.title;
  return pageMetadata({ locale, path: "/tools/check", title, description: t.description });
}

// A GET only reads: the latest stored result for ?domain=. Running a check is the form's POST.
export default async function CheckPage({ params, searchParams }: CheckPageProps) {
  const locale = await getLocale(params);
  const t = checkMessages[locale];
  const param = readDomainParam(await searchParams);
  const stored = param.kind === "valid" ? await getLatestCheckResult(getDb(), param.domain) : null;
  return (
    <div className="page check-page">
      <h1>{t.title}</h1>
      <p className="lead">{t.lead}</p>
      <p className="hint">{t.safety}</p>
      {param.kind === "invalid" ? (
        <p className="form-error" data-invalid-param>
          {format(t.result.invalidParam, { domain: param.input })}
        </p>
      ) : null}
      {/* A new stored result remounts the form, so an earlier error does not linger over it. */}
      <CheckForm
        key={stored?.checkedAt.toISOString() ?? (param.kind === "valid" ? param.domain : "")}
        locale={locale}
        action={checkMailDomain}
        initialDomain={param.kind === "valid" ? param.domain : ""}
      >
        {param.kind === "valid" ? <StoredCheckView locale={locale} domain={param.domain} stored={stored} /> : null}
      </CheckForm>
    </div>
  );
}
