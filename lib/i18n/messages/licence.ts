import { defineMessages } from "./define";

// What each dataset's licence means for the facts taken from it, in this site's own words. Keyed
// by the dataset's source key; a dataset not listed here shows its licence as the importer stored it.
type DatasetNotes = Record<string, string | undefined>;
const datasetNotes = (notes: DatasetNotes): DatasetNotes => notes;

export const licenceMessages = defineMessages({
  ja: {
    title: "ライセンスとオープンデータ",
    footerLink: "ライセンスとデータのダウンロード",
    description:
      "このサイトのデータは CC BY 4.0 で自由に使えます。CSV、JSON、メールソフトの自動設定ファイルの入手先と、各出典のライセンス。",
    own: {
      title: "このサイトのデータ: CC BY 4.0",
      body: "サービスごとの対応状況、その日付と出典の対応づけ、サーバー検査の結果、このサイトが書いた注記は、クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0) のもとで公開しています。商用を含めて複製・改変・再配布できます。条件は、出典として「メールセキュリティ・コンパス」の名前とこのページへのリンクを示すこと、変更したならその旨を示すことです。",
      link: "CC BY 4.0 の条文 (クリエイティブ・コモンズ)",
      unknown: "「不明」は「非対応」ではありません。データを使うときも、この二つを混ぜないでください。",
    },
    downloads: {
      title: "ダウンロード",
      csv: "全サービスの一覧 (CSV、UTF-8)",
      csvNote:
        "サービス一覧と同じ絞り込み (q、segment、kind、has、sort) を URL に付けられます。ページ分けはなく、該当するサービスがすべて入ります。Excel で文字化けしないよう、先頭に BOM を付けています。",
      json: "全データのスナップショット (JSON、版 1)",
      jsonNote: "すべての出典、すべての記述とその日付、サーバー設定を含みます。形式は JSON Schema で公開しています。",
      schema: "JSON Schema",
      autoconfig:
        "サービスごとのメールソフト自動設定ファイル (Thunderbird の形式) は /providers/<サービスの ID>/config-v1.1.xml にあります。出典のある設定のうち、もっとも安全なもの (SSL/TLS、次に STARTTLS) だけを載せ、暗号化なしの設定は載せません。",
      caching:
        "どのファイルにも ETag と Last-Modified が付いています。変わっていなければ 304 が返るので、定期的に取得しても負担になりません。",
    },
    sources: {
      title: "出典のライセンス",
      intro:
        "事実 (どのサーバーが、どのポートで、どの暗号化に対応するか) には著作権がありません。このサイトが出典から取り込んだのはそうした事実と日付だけで、出典の文章やコードは写していません。それでも、出典ごとのライセンスをここに示します。",
      datasetsTitle: "公開データセット",
      datasets: datasetNotes({
        "thunderbird-ispdb":
          "Mozilla Public License 2.0 (MPL-2.0)。Thunderbird の ISP データベースの各ファイルはこのライセンスです。このサイトはファイルを再配布せず、設定の値だけを使っています。",
        "deltachat-provider-db":
          "Mozilla Public License 2.0 (MPL-2.0)。Delta Chat のプロバイダー一覧のうち、サーバー設定と状態だけを使い、説明文は使っていません。",
        fairemail:
          "GNU General Public License 3.0 (GPL-3.0)。FairEmail の一覧はアプリのソースファイルの一部です。そこから事実だけを取り出し、コードは使っていません。",
        mailcore2: "BSD 3 条項ライセンス (BSD-3-Clause)。MailCore2 の一覧から、サーバー設定の値だけを使っています。",
        nodemailer: "MIT No Attribution (MIT-0)。nodemailer に含まれる SMTP サーバーの一覧です。",
      }),
      pages:
        "公式資料と第三者のウェブページ: 文章の権利はそれぞれの著者にあります。このサイトは、そこに書かれた事実を日付とリンクつきで記録するだけで、文章は引用していません。",
      probe: "サーバー検査の結果: このサイト自身が集めたデータで、CC BY 4.0 です。",
      noLicense: "ライセンスの記載なし",
      about: "出典の一覧",
    },
  },
  en: {
    title: "Licence and open data",
    footerLink: "Licence and data downloads",
    description:
      "This site's data is free to use under CC BY 4.0. Where to get it as CSV, JSON and mail-client autoconfig files, and each source's licence.",
    own: {
      title: "This site's data: CC BY 4.0",
      body: "Which service supports what, the dates and sources of each statement, the results of our server checks and the notes this site wrote are published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0). You may copy, adapt and share them, commercially too, as long as you credit “Mail Security Compass” with a link to this page and say if you changed anything.",
      link: "The CC BY 4.0 licence (Creative Commons)",
      unknown: "“Unknown” never means “no”: please keep the two apart when you use the data.",
    },
    downloads: {
      title: "Downloads",
      csv: "Every service as CSV (UTF-8)",
      csvNote:
        "Takes the catalogue’s filters in its URL (q, segment, kind, has, sort). Not paginated: every matching service is in the file. It starts with a byte order mark so that Excel reads it as UTF-8.",
      json: "Snapshot of all the data (JSON, version 1)",
      jsonNote:
        "Every source, every claim with its dates, and the server settings. Its format is published as a JSON Schema.",
      schema: "JSON Schema",
      autoconfig:
        "Each service’s mail-client autoconfig file (Thunderbird’s format) is at /providers/<service id>/config-v1.1.xml. It lists only the best-secured sourced settings (SSL/TLS first, then STARTTLS), never an unencrypted one.",
      caching:
        "Every file carries an ETag and a Last-Modified date; an unchanged file answers 304, so polling costs little.",
    },
    sources: {
      title: "Licences of the sources",
      intro:
        "Facts (which server offers which port with which encryption) are not subject to copyright. From its sources this site took only such facts and their dates, none of their text or code. Each source’s licence is named here all the same.",
      datasetsTitle: "Public datasets",
      datasets: datasetNotes({
        "thunderbird-ispdb":
          "Mozilla Public License 2.0 (MPL-2.0), the licence of each file of Thunderbird’s ISP database. This site does not redistribute the files; it uses the setting values only.",
        "deltachat-provider-db":
          "Mozilla Public License 2.0 (MPL-2.0). Only the server settings and statuses of Delta Chat’s provider list are used, none of its descriptions.",
        fairemail:
          "GNU General Public License 3.0 (GPL-3.0). FairEmail’s list is part of the app’s source code; only facts were extracted from it, no code.",
        mailcore2: "BSD 3-Clause licence (BSD-3-Clause). Only the server setting values of MailCore2’s list are used.",
        nodemailer: "MIT No Attribution (MIT-0): the list of SMTP services that ships with nodemailer.",
      }),
      pages:
        "Provider documentation and third-party web pages: their text belongs to their authors. This site records the facts they state, with a date and a link, and quotes none of their text.",
      probe: "Server check results: data this site collected itself, under CC BY 4.0.",
      noLicense: "no licence stated",
      about: "All sources",
    },
  },
});
