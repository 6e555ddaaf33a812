import { defineMessages } from "./define";

export const articleMessages = defineMessages({
  ja: {
    list: {
      title: "解説記事",
      description:
        "メールを通信経路で守る仕組み (SSL/TLS、STARTTLS、SMTP 認証など) と、事業者の選び方を出典つきで解説します。",
      lead: "カタログの各項目が何を意味し、何を守るのかを説明する記事です。上から順に読むと全体がつかめます。",
      lastReviewed: "{date} 確認",
    },
    article: {
      backToList: "解説記事一覧へ",
      lastReviewed: "最終確認日",
      toc: "目次",
      catalogue: "この記事で扱う機能に対応するサービス",
      servicesWith: "{property} に対応するサービス",
      sources: "出典・参考資料",
      otherLanguage: "英語版",
      related: "関連する記事",
      glossary: "用語集",
      tableLabel: "表: {columns}",
    },
    glossary: {
      title: "用語集",
      description: "メールの暗号化と認証に関する用語を、短い定義と解説記事へのリンクつきでまとめています。",
      lead: "記事中の点線の下線が付いた用語にポインターを合わせるかフォーカスすると、ここにある短い定義が表示されます。",
      reading: "読み: {reading}",
      index: "五十音索引",
      backToIndex: "索引へ戻る",
      otherGroup: "記号・数字",
      explainedIn: "解説: {title}",
    },
  },
  en: {
    list: {
      title: "Articles",
      description:
        "How mail is protected in transit (SSL/TLS, STARTTLS, SMTP authentication and more) and how to choose a provider, with sources.",
      lead: "What each property in the catalogue means and what it protects. Read them in order for the whole picture.",
      lastReviewed: "Reviewed {date}",
    },
    article: {
      backToList: "All articles",
      lastReviewed: "Last reviewed",
      toc: "Contents",
      catalogue: "Services with the features this article covers",
      servicesWith: "Services with {property}",
      sources: "Sources and further reading",
      otherLanguage: "In Japanese",
      related: "Related articles",
      glossary: "Glossary",
      tableLabel: "Table: {columns}",
    },
    glossary: {
      title: "Glossary",
      description:
        "Terms of mail encryption and authentication, each with a short definition and a link to the article that explains it.",
      lead: "In the articles, terms with a dotted underline show these short definitions when you point at them or focus them.",
      reading: "Reading: {reading}",
      index: "A–Z index",
      backToIndex: "Back to the index",
      otherGroup: "Symbols and digits",
      explainedIn: "Explained in: {title}",
    },
  },
});
