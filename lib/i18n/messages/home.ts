import { defineMessages } from "./define";

export const homeMessages = defineMessages({
  ja: {
    title: "メールを暗号化で守るサービスを探す",
    lead: "レンタルサーバーやメールサービスが、受信・送信のメールを暗号化で守っているかを、出典と日付つきで比べられます。",
    stats: "{services} サービス・{clients} メールソフトを掲載",
    goodToday: {
      title: "いま安全といえる設定",
      intro: "サービスを選ぶときも、メールソフトを設定するときも、次の 5 点を満たしているかを見てください。",
      items: [
        {
          article: "implicit-tls",
          text: "受信は 993 番 (IMAP) か 995 番 (POP3)、送信は 465 番を使い、つないだ瞬間から暗号化する",
        },
        { article: "implicit-tls", text: "暗号化は TLS 1.2 以上。TLS 1.0・1.1 しか使えないサーバーは避ける" },
        { article: "smtp-auth", text: "送信時のログイン (SMTP 認証) は、暗号化された接続の中でだけ行う" },
        {
          article: "auth-only-encryption",
          text: "APOP は使わない。守られるのはパスワードだけで、本文は読まれてしまう",
        },
        { article: "pop-before-smtp", text: "POP before SMTP は使わない。同じ回線のほかの人まで送信できてしまう" },
      ],
      more: "解説を読む",
    },
    start: {
      title: "目的から選ぶ",
      catalogue: {
        title: "サービスを探す",
        body: "条件に合うレンタルサーバー・メールサービスを一覧で比べます。",
        all: "すべてのサービス",
        implicitBoth: "受信 (IMAP 993 番) も送信 (465 番) も最初から暗号化",
        pop3Send: "POP3 (995 番) と送信 (465 番) が最初から暗号化",
        business: "法人向けで、送信 465 番に対応",
      },
      received: {
        title: "届いたメールを調べる",
        body: "メールのヘッダー (Received 行) を貼り付けると、どの区間が暗号化されていたかを読み取ります。",
        link: "ヘッダー解析を開く",
      },
      check: {
        title: "ドメインのサーバーを検査する",
        body: "ドメイン名を入れると、そのメールサーバーが暗号化した接続を受け付けるかを確かめます。",
        link: "サーバー検査を開く",
      },
    },
    chart: {
      title: "2006 年と今、各機能に対応するサービスの数",
      intro:
        "「今」は掲載中の全 {now} サービスについて、いま表示している情報を数えたものです。「2006 年」は、このサイトの元になった 2006 年のページが取り上げた {then} サービスについての記録です。",
      unknownNote: "灰色の「不明」は出典がまだないという意味で、「非対応」ではありません。",
      caption: "機能ごとの対応サービス数 (今と 2006 年)",
      property: "機能",
      now: "今 (全 {total} 件)",
      then: "2006 年 (全 {total} 件)",
      supported: "{yes} 件が対応",
      ofKnown: "判明分 {known} 件中",
      unknown: "不明 {unknown} 件",
      notSupported: "非対応 {no} 件",
      partial: "一部対応 {partial} 件",
      notRecorded: "記録なし",
      legacy: "避けたい方式",
      legendLabel: "凡例",
      legend: { yes: "対応", partial: "一部対応", no: "非対応", unknown: "不明" },
      groups: { receive: "受信", send: "送信", auth: "認証", domain: "受信ドメインの保護" },
      since2006: "2006 年から何が変わったか",
    },
    pick: {
      title: "編集部のおすすめ",
      intro: "根拠が {months} か月以内の新しい情報で確かめられているサービスだけを載せています。",
      evidence: "最新の根拠：",
    },
  },
  en: {
    title: "Find a provider that keeps your mail encrypted",
    lead: "Compare rental servers and mail services by whether they protect incoming and outgoing mail with encryption, every claim with its source and date.",
    stats: "{services} services and {clients} mail clients listed",
    goodToday: {
      title: "What good looks like today",
      intro: "When you choose a provider or set up a mail app, check for these five things.",
      items: [
        {
          article: "implicit-tls",
          text: "Receive on port 993 (IMAP) or 995 (POP3) and send on port 465, encrypted from the first byte",
        },
        { article: "implicit-tls", text: "TLS 1.2 or newer; avoid servers that offer only TLS 1.0 or 1.1" },
        { article: "smtp-auth", text: "Log in to send (SMTP AUTH) only inside an encrypted connection" },
        {
          article: "auth-only-encryption",
          text: "No APOP: it hides only the password, and the messages travel readable",
        },
        {
          article: "pop-before-smtp",
          text: "No POP before SMTP: anyone sharing your network address can send as well",
        },
      ],
      more: "Read why",
    },
    start: {
      title: "Start from what you need",
      catalogue: {
        title: "Find a provider",
        body: "Compare rental servers and mail services that meet your conditions.",
        all: "All providers",
        implicitBoth: "Receiving (IMAP, 993) and sending (465) encrypted from the start",
        pop3Send: "POP3 (995) and sending (465) encrypted from the start",
        business: "For businesses, with sending on port 465",
      },
      received: {
        title: "Check a message you received",
        body: "Paste a message’s headers (its Received lines) to see which legs of its journey were encrypted.",
        link: "Open the header analyzer",
      },
      check: {
        title: "Check a domain’s servers",
        body: "Enter a domain to test whether its mail servers accept encrypted connections.",
        link: "Open the server check",
      },
    },
    chart: {
      title: "Services supporting each feature, now and in 2006",
      intro:
        "“Now” counts what the site shows today for all {now} services listed. “2006” is the record of the {then} services covered by the 2006 page this site grew from.",
      unknownNote: "Grey “unknown” means no source says yet; it does not mean “no”.",
      caption: "Services supporting each feature, now and in 2006",
      property: "Feature",
      now: "Now ({total} services)",
      then: "2006 ({total} services)",
      supported: "{yes} support it",
      ofKnown: "of {known} known",
      unknown: "{unknown} unknown",
      notSupported: "{no} do not",
      partial: "{partial} partly",
      notRecorded: "Not recorded",
      legacy: "best avoided",
      legendLabel: "Legend",
      legend: { yes: "Supported", partial: "Partly", no: "Not supported", unknown: "Unknown" },
      groups: { receive: "Receiving", send: "Sending", auth: "Login", domain: "Mail domain protection" },
      since2006: "What has changed since 2006",
    },
    pick: {
      title: "Editor’s pick",
      intro: "Listed only while its evidence is less than {months} months old.",
      evidence: "Newest evidence: ",
    },
  },
});
