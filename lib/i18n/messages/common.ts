import { defineMessages } from "./define";

export const commonMessages = defineMessages({
  ja: {
    siteName: "メールセキュリティ・コンパス",
    siteTagline: "メールを暗号化で守るサーバー・サービスを比べる",
    skipToContent: "本文へ移動",
    nav: {
      label: "メインメニュー",
      home: "ホーム",
      providers: "サービス一覧",
      compare: "比較",
      clients: "メールソフト",
      calendar: "変更カレンダー",
      articles: "解説記事",
      glossary: "用語集",
      received: "ヘッダー解析",
      check: "サーバー検査",
    },
    languageSwitch: "English",
    // The label starts with the visible text (WCAG 2.5.3, label in name): voice control users say what they see.
    languageSwitchLabel: "English(英語版へ切り替え)",
    footer: {
      note: "掲載内容はすべて出典と日付つきです。「不明」は「非対応」ではありません。",
    },
    notFound: {
      title: "ページが見つかりません",
      body: "お探しのページは移動または削除されたか、URL が間違っている可能性があります。",
      home: "ホームへ戻る",
      providers: "サービス一覧を見る",
    },
  },
  en: {
    siteName: "Mail Security Compass",
    siteTagline: "Compare the providers that keep your mail encrypted in transit",
    skipToContent: "Skip to content",
    nav: {
      label: "Main menu",
      home: "Home",
      providers: "Providers",
      compare: "Compare",
      clients: "Mail clients",
      calendar: "Change calendar",
      articles: "Articles",
      glossary: "Glossary",
      received: "Header analyzer",
      check: "Server check",
    },
    languageSwitch: "日本語",
    languageSwitchLabel: "日本語 (Switch to Japanese)",
    footer: {
      note: "Every entry carries its source and date. “Unknown” never means “no”.",
    },
    notFound: {
      title: "Page not found",
      body: "The page you are looking for may have moved or been removed, or the address may be mistyped.",
      home: "Back to home",
      providers: "Browse providers",
    },
  },
});
