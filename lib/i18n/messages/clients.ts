import { defineMessages } from "./define";

export const clientMessages = defineMessages({
  ja: {
    title: "メールソフトの対応状況",
    description:
      "メールソフト (メールクライアント) が送信の暗号化や認証方式に対応しているかを、出典と日付つきでまとめています。",
    lead: "POP before SMTP を除き、安全に送信するにはメールソフト側も SMTP 認証と暗号化に対応している必要があります。",
    client: "メールソフト",
    platform: "動作環境",
    caption: "現在のメールソフトの対応",
    historyTitle: "2006 年当時のメールソフト (記録)",
    historyLead:
      "このサイトの元になった 2006 年のページに載っていた版です。いまは提供が終わったものもあり、記録として残しています。",
    historyCaption: "2006 年当時の対応 (記録)",
    notes: "補足",
    sources: "出典",
    historyNote: "古い情報です。現在の版では対応状況が変わっている可能性があります。",
  },
  en: {
    title: "Mail client support",
    description: "Whether mail clients support encrypted sending and authentication methods, with sources and dates.",
    lead: "Apart from POP before SMTP, sending securely needs a client that speaks SMTP authentication and encryption too.",
    client: "Mail client",
    platform: "Platform",
    caption: "Today's mail clients",
    historyTitle: "Mail clients of 2006 (record)",
    historyLead:
      "The versions on the 2006 page this site grew from. Some are no longer made; they are kept as a record.",
    historyCaption: "Support in 2006 (record)",
    notes: "Notes",
    sources: "Sources",
    historyNote: "This is old information; current versions may differ.",
  },
});
