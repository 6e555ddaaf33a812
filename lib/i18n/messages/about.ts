import { defineMessages } from "./define";

export const aboutMessages = defineMessages({
  ja: {
    title: "データについて",
    footerLink: "データの出典と訂正について",
    description: "掲載している情報の出典とライセンス、日付の付け方と優先順位、訂正の連絡方法。",
    lead: "このサイトの「対応」「非対応」は、すべて出典のある記述から来ています。どこから集め、どう日付をつけ、食い違うときにどれを表示するかをまとめました。",
    sources: {
      title: "出典",
      intro: "出典は全部で {count} 件あります。種類ごとに並べています。",
      kinds: {
        probe: "サーバー検査の結果",
        documentation: "事業者・開発元の公式資料",
        dataset: "公開データセット",
        page: "第三者のウェブページ",
      },
      kindIntro: {
        probe: "このサイトのサーバー検査が実際にサーバーへ接続して確かめた結果です。",
        documentation: "事業者のマニュアルやヘルプ、メールソフトのソースコードなど、当事者が公開している資料です。",
        dataset:
          "メールソフトの開発者たちが公開している、メールサーバー設定の一覧です。取り込んだのは事実 (ホスト名・ポート・暗号化の方式) だけで、説明文は使っていません。",
        page: "第三者の解説記事や質問サイトの回答です。2006 年にこのサイトの元になったページもここに入ります。",
      },
      name: "名前",
      version: "版",
      date: "日付",
      license: "ライセンス",
      claims: "情報の件数",
      noLicense: "記載なし",
      readOn: "{date} に閲覧 (ページに日付なし)",
      showAll: "{count} 件の一覧を表示",
      none: "まだありません。",
    },
    dating: {
      title: "日付と優先順位",
      items: [
        "一つひとつの情報に、それが正しかった日付がついています。出典が月までしか書いていなければ月まで、年だけなら年だけを表示します。",
        "同じサービスの同じ機能について出典が食い違うときは、証拠の種類で選びます。サーバー検査の結果、事業者の公式資料、公開データセット、2006 年のページの順です。",
        "同じ種類どうしでは、確認した日付が新しいものを選びます。それでも決まらないときは、多くの出典が言う方を、同数なら控えめな方 (非対応、一部対応、対応の順) を表示します。",
        "「不明」は、その点について書いた出典がまだないという意味で、「非対応」ではありません。",
        "根拠が {months} か月 (3 年) より古い情報には「古い情報」と表示します。暗号化の事情は 3 年で大きく変わるからです。",
      ],
    },
    corrections: {
      title: "訂正の連絡",
      intro: "内容の誤りや古くなった情報に気づいたら、お知らせください。",
      email: "メールで連絡する: {value}",
      url: "訂正の受付ページ",
      none: "訂正の受付窓口は、このサイトの運営者がまだ設定していません。",
      include:
        "どのサービスの、どの機能についてか、そして根拠になるページの URL と日付を添えていただけると、すぐに確かめられます。",
    },
    licenses: {
      title: "ライセンス",
      intro:
        "公開データセットはそれぞれのライセンスのもとで公開されています。このサイトが取り込んだのは設定に関する事実だけで、データセットの説明文やソースコードは含みません。",
      fairemail: "FairEmail の一覧は GPL-3.0 のソースファイルの一部です。そこからは事実だけを取り出しています。",
      articles:
        "解説記事と、ウェブページ・公式資料についての注記は、このサイトが自分の言葉で書いたものです。引用元の文章は写していません。",
    },
  },
  en: {
    title: "About the data",
    footerLink: "Where the data comes from, and corrections",
    description:
      "Where the data comes from and under which licences, how claims are dated and ranked, and how to report a correction.",
    lead: "Every “supported” and “not supported” on this site comes from a source. This page says where the sources are from, how each claim is dated, and which one is shown when they disagree.",
    sources: {
      title: "Sources",
      intro: "There are {count} sources in all, grouped by kind.",
      kinds: {
        probe: "Results of the server check",
        documentation: "Official documentation",
        dataset: "Public datasets",
        page: "Third-party web pages",
      },
      kindIntro: {
        probe: "What this site’s server check saw when it connected to a server itself.",
        documentation:
          "Material the party itself publishes: a provider’s manuals and help pages, a mail app’s source code.",
        dataset:
          "Lists of mail server settings published by the makers of mail apps. Only facts were taken (host names, ports, kinds of encryption), none of their descriptions.",
        page: "Articles and answers by third parties, including the 2006 page this site grew from.",
      },
      name: "Name",
      version: "Version",
      date: "Date",
      license: "Licence",
      claims: "Claims",
      noLicense: "not stated",
      readOn: "read on {date} (the page shows no date)",
      showAll: "Show all {count}",
      none: "None yet.",
    },
    dating: {
      title: "How claims are dated and ranked",
      items: [
        "Every claim carries the date it was true, as precise as its source: to the month when the source gives a month, the year when it gives only a year.",
        "When sources disagree about one feature of one service, the kind of evidence decides: the server check’s own observation first, then the provider’s documentation, then a public dataset, then the 2006 page.",
        "Among claims of the same kind, the most recently checked one wins. If that still ties, the value most sources give is shown, and on an even count the more cautious one (not supported, then partly, then supported).",
        "“Unknown” means no source has said anything about it yet. It never means “not supported”.",
        "Claims whose evidence is more than {months} months (three years) old are marked “outdated”: that is long enough for encryption practice to change.",
      ],
    },
    corrections: {
      title: "Report a correction",
      intro: "If you find a mistake or something out of date, please tell us.",
      email: "Write to {value}",
      url: "Corrections page",
      none: "The operator of this site has not set up a contact for corrections yet.",
      include:
        "Please name the service and the feature, and add the address and date of the page that shows it, so it can be checked quickly.",
    },
    licenses: {
      title: "Licences",
      intro:
        "Each public dataset is published under its own licence. This site took only facts about settings from them, none of their descriptions or code.",
      fairemail: "FairEmail’s list is part of a GPL-3.0 source file; only facts were extracted from it.",
      articles:
        "The articles, and the notes on web pages and documentation, are written by this site in its own words; no source text is copied.",
    },
  },
});
