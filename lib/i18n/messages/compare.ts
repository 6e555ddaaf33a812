import { defineMessages } from "./define";

export const compareMessages = defineMessages({
  ja: {
    title: "サービスを比較",
    description: "選んだサービスの暗号化への対応を並べて比べます。",
    chooseMore: "比較するには 2〜4 件のサービスを選んでください。サービス一覧の「比較」欄で選べます。",
    chooseLink: "サービス一覧で選ぶ",
    truncated: "比較できるのは 4 件までです。最初の 4 件を表示しています。",
    missing: "見つからないサービスは除きました。",
    remove: "{name} を比較から外す",
    property: "項目",
    caption: "選んだサービスの対応状況",
    sourceNote: "各記号の出典と日付は、それぞれのサービスのページで確認できます。",
  },
  en: {
    title: "Compare services",
    description: "The encryption support of the services you chose, side by side.",
    chooseMore: "Choose 2 to 4 services to compare. Tick them in the Compare column of the provider list.",
    chooseLink: "Choose on the provider list",
    truncated: "Up to 4 services can be compared; the first 4 are shown.",
    missing: "Services that could not be found were left out.",
    remove: "Remove {name} from the comparison",
    property: "Feature",
    caption: "Support of the chosen services",
    sourceNote: "The source and date behind each mark are on each service’s page.",
  },
});
