import { defineMessages } from "./define";

export const receivedMessages = defineMessages({
  ja: {
    title: "Received ヘッダー解析",
    description:
      "受け取ったメールのヘッダーを貼り付けると、Received フィールドから送信者から受信者までの経路をたどり、各区間が TLS で暗号化されていたかを示します。",
    lead: "受け取ったメールのヘッダーを貼り付けてください。Received フィールドを古い順に並べ、送信者から受信者までの各区間が TLS で暗号化されていたかを示します。",
    privacy:
      "貼り付けた内容は解析のためにサーバーへ送られますが、保存もログへの記録もしません。解析結果はこの画面に表示するだけで、ほかの人には見えません。",
    howTo:
      "ヘッダーは、メールソフトの「メッセージのソースを表示」(Gmail・Outlook) や「ソースを表示」(Thunderbird、Ctrl+U) で表示できます。本文が含まれていても構いません (ヘッダーだけを読みます)。",
    form: {
      label: "メールのヘッダー",
      hint: "「Received:」で始まる行を含むヘッダー全体を貼り付けてください。1 MiB まで解析できます。",
      submit: "解析する",
      pending: "解析しています…",
    },
    samples: {
      legend: "見本で試す",
      label: "見本のヘッダー",
      submit: "見本を解析する",
      hint: "選んだ見本が上の欄に入り、そのまま解析されます。見本の名前・アドレスはすべて架空のものです。",
      names: {
        "sendmail-2006": "Sendmail (2006 年、TLS 1.0 で暗号化)",
        gmail: "Gmail から Gmail へ (すべての区間が暗号化)",
        "plain-hop": "暗号化されていない区間がある経路",
        "jp-isp": "国内プロバイダー (件名が符号化された日本語のメール)",
      },
    },
    errors: {
      empty: "ヘッダーが貼り付けられていません。メールのヘッダーを貼り付けてから「解析する」を押してください。",
      "too-large":
        "貼り付けた内容が大きすぎます ({size} バイト)。解析できるのは 1 MiB (1,048,576 バイト) までです。本文を除いて、ヘッダーの部分だけを貼り付けてください。",
      invalid: "フォームの内容を読み取れませんでした。ページを読み込み直して、もう一度お試しください。",
    },
    result: {
      heading: "解析結果",
      sampleNote: "見本「{name}」を解析しました。",
      hopCount: "Received フィールド: {count} 件",
      truncated: "最初の {shown} 区間だけを表示しています (全 {count} 区間)。判定はすべての区間から出しています。",
      verdict: {
        encrypted: "記録されているすべての区間が暗号化されていました。",
        "not-encrypted": "区間 {hop} から暗号化されていません。",
        unknown: "暗号化されていたかどうか判断できません。",
        none: "Received フィールドが見つかりません。",
      },
      verdictDetail: {
        encrypted:
          "ネットワークを通る区間はすべて TLS を使ったと記録されています (サーバー内部の受け渡しは数えていません)。",
        "not-encrypted":
          "区間 {hop} ({from} から {by} へ) は TLS を使わずに送られたと記録されています。この区間では、途中の経路でメールの内容を読まれるおそれがありました。",
        unknown:
          "TLS を使ったかどうかの記録がない区間があります: {hops}。サーバーによっては暗号化していても記録しません。",
        none: "ヘッダー全体 (「Received:」で始まる行を含む部分) を貼り付けたか確かめてください。本文だけ、または転送されたメールの一部だけでは解析できません。",
      },
      otherPlainHops: "ほかに暗号化されていない区間: {hops}",
      trust:
        "Received フィールドは、メールを受け取った各サーバーが自分で書き足す記録です。あなたのプロバイダーより前の行は送信側の申告で、偽造されていることもあります。",
      trustLink: "どの行を信頼できるか",
      plainLink: "暗号化されない区間が残る理由 (STARTTLS)",
    },
    level: {
      good: "記録されているすべての区間が暗号化されていました。",
      weak: "暗号化されていましたが、弱い点があります: {reasons}。",
      weakPartial: "暗号化された区間に弱い点があります: {reasons}。",
      "not-encrypted": "区間 {hop} から暗号化されていません。",
      unknown: "暗号化されていたかどうか判断できません。",
      none: "Received フィールドが見つかりません。",
    },
    levelMarks: {
      good: "良好",
      weak: "弱い",
      "not-encrypted": "暗号化なし",
      unknown: "不明",
      none: "記録なし",
    },
    levelDetail: {
      good: "ネットワークを通る区間はすべて TLS を使ったと記録されており、古い TLS や弱い暗号の記録はありません (サーバー内部の受け渡しは数えていません)。",
      weak: "ネットワークを通る区間は TLS を使ったと記録されていますが、次の点で今の基準を満たしていません。",
    },
    // short names for the headline; {versions} is e.g. "TLS 1.0"
    short: {
      "tls-below-1.2": "{versions} (古いバージョン)",
      "anonymous-key-exchange": "匿名の鍵交換",
      "export-cipher": "輸出グレードの暗号",
      rc4: "RC4 暗号",
      "3des": "3DES 暗号",
      "single-des": "DES 暗号",
      "null-cipher": "NULL 暗号",
      "md5-mac": "MD5 による改ざん検出",
      "certificate-failed": "証明書の検証に失敗",
      "certificate-not-verified": "証明書の確認なし",
    },
    findings: {
      label: "判定の理由",
      more: "{hops} ほか {count} 区間",
      codes: {
        "not-encrypted":
          "{hops}: TLS を使わずに送られたと記録されています。この区間では、経路上の第三者がメールの内容を読めた可能性があります。",
        "tls-below-1.2":
          "{hops}: {versions} で暗号化されていました。TLS 1.2 より古く、すでに廃止されたバージョンです。",
        "anonymous-key-exchange": "{hops}: 相手を確かめない匿名の鍵交換で、なりすましを防げません。",
        "export-cipher": "{hops}: わざと弱められた輸出グレードの暗号で、短時間で解読できます。",
        rc4: "{hops}: TLS での使用が禁止されている RC4 暗号です。",
        "3des": "{hops}: 3DES 暗号です。長い通信を解読する攻撃 (Sweet32) が知られています。",
        "single-des": "{hops}: 鍵が 56 ビットしかない DES 暗号です。",
        "null-cipher": "{hops}: 暗号化しない NULL 暗号です。TLS を使っていても内容は読めます。",
        "md5-mac": "{hops}: 改ざんの検出に MD5 を使う古い方式です。",
        "certificate-failed":
          "{hops}: 受け取ったサーバーは送り元サーバーの証明書を確かめようとして、確認できませんでした。それでも受け取っているので、送り元が本物かどうかは確かめられていません。",
        "certificate-not-verified":
          "{hops}: 受け取ったサーバーは送り元サーバーの証明書を確かめていません ({states})。暗号化されていても、途中に入り込んだ第三者と本物の送り元を区別できません。",
        "no-tls-record":
          "{hops}: TLS を使ったかどうかの記録がありません。サーバーによっては、暗号化していても記録しません。",
        "version-not-recorded": "{hops}: 暗号化されていましたが、TLS のバージョンは記録されていません。",
      },
      certificateNote:
        "Received フィールドに残るのは、受け取った側が送り元の証明書を確かめたかどうかだけです。送り元が受け取る側の証明書を確かめたかどうかは記録されません。ログインして送った区間 (メールソフトからの送信) では、証明書の代わりにパスワードで送り手を確かめるため、理由に含めていません。",
    },
    certificate: {
      verified: "確認済み",
      failed: "検証に失敗",
      "not-verified": "確認していない",
      "not-presented": "提示されなかった",
      "not-requested": "求めていない",
    },
    path: {
      heading: "経路 (送信者から受信者へ)",
      description:
        "古い区間から順に並べています。錠の印は TLS で暗号化された区間、「!」付きの錠は古い TLS や弱い暗号で暗号化された区間、開いた錠は暗号化されていない区間、家の印はサーバー内部の受け渡し、「?」は記録から判断できない区間です。",
      sender: "送信者",
      recipient: "受信者 (このメールを受け取ったメールボックス)",
      hop: "区間 {hop}",
      route: "{from} から {by} へ",
      unnamed: "(名前の記録なし)",
      with: "方式: {with}",
      evidence: "根拠:",
      weak: "弱い暗号 (上の警告を参照)",
      certificate: "送り元の証明書: {state}",
    },
    marks: {
      yes: "暗号化 (TLS)",
      weak: "暗号化 (弱い)",
      no: "暗号化なし",
      local: "サーバー内部",
      unknown: "不明",
    },
    localReasons: {
      "no-from-clause": "送り元の記録がない、サーバー内部の受け渡し",
      loopback: "同じサーバー内 (localhost) の受け渡し",
      lmtp: "メールボックスへの配送 (LMTP)",
      mapi: "Exchange 内部の受け渡し (MAPI)",
      "local-protocol": "サーバー内部の受け渡し",
    },
    table: {
      caption: "区間ごとの詳細 (古い順)",
      hop: "区間",
      from: "送り元 (from)",
      by: "受け取り (by)",
      with: "方式 (with)",
      tls: "TLS",
      version: "バージョン",
      cipher: "暗号スイート",
      authenticated: "認証",
      certificate: "送り元の証明書",
      date: "日時",
      delay: "前の区間から",
      authenticatedYes: "認証あり",
      authenticatedNo: "記録なし",
      weak: "弱い",
      none: "—",
    },
    delay: {
      seconds: "{s} 秒",
      minutes: "{m} 分 {s} 秒",
      hours: "{h} 時間 {m} 分",
      days: "{d} 日 {h} 時間",
      skew: "{value} 早い (サーバーの時計のずれ)",
    },
    weak: {
      heading: "弱い暗号の警告",
      intro: "次の区間は暗号化されていましたが、現在では安全とはいえない方式でした。",
      hop: "区間 {hop} ({by}): {tls}",
      reasons: {
        "tls-below-1.2":
          "TLS 1.2 より古いバージョンです。TLS 1.0 と 1.1 は RFC 8996 (2021 年) で廃止され、SSL 2.0・3.0 はそれ以前に使用が禁止されました。",
        "anonymous-key-exchange": "相手のサーバーを確かめない匿名の鍵交換です。なりすまし (中間者攻撃) を防げません。",
        "export-cipher": "1990 年代の輸出規制に合わせて弱めた暗号 (輸出グレード) です。短時間で解読できます。",
        rc4: "RC4 暗号です。RFC 7465 (2015 年) で TLS での使用が禁止されています。",
        "3des": "3DES (トリプル DES) 暗号です。ブロック長が短く、長い通信を解読する攻撃 (Sweet32) が知られています。",
        "single-des": "DES 暗号です。鍵が 56 ビットしかなく、総当たりで簡単に破られます。",
        "null-cipher": "暗号化しない設定 (NULL 暗号) です。TLS を使っていても内容は読めてしまいます。",
        "md5-mac":
          "改ざん検出に MD5 を使う古い方式です。MD5 には実用的な攻撃 (衝突) が知られており、RFC 6151 は新しい用途に使わないよう勧めています。",
      },
      learnMore: "古い TLS が廃止された経緯 (2006 年から何が変わったか)",
    },
    // ids rehype-slug gives the article headings these links point into
    anchors: { trust: "信頼できる行はどれか", tlsVersions: "古いプロトコルの引退rfc-89962021-年" },
    articles: {
      heading: "表示の意味を知る",
      items: {
        "received-headers": "Received ヘッダーの読み方: 各行の意味と、TLS の記録のされ方",
        starttls: "STARTTLS: サーバー間の暗号化と、暗号化されない区間が残る理由",
        "implicit-tls": "暗黙の TLS (SSL/TLS): 接続した時点から暗号化する方式",
        "since-2006": "2006 年から何が変わったか: TLS のバージョンと古い TLS の廃止",
      },
    },
  },
  en: {
    title: "Received header analyzer",
    description:
      "Paste the header of a message you received: the analyzer follows its Received fields from sender to recipient and shows which hops were encrypted with TLS.",
    lead: "Paste the header of a message you received. The analyzer lists its Received fields oldest first and shows, for each hop from sender to recipient, whether it was encrypted with TLS.",
    privacy:
      "What you paste is sent to the server to be analyzed, but it is neither stored nor logged. The result is shown on this screen only; nobody else can see it.",
    howTo:
      "Mail programs show the header under “Show original” (Gmail), “View message source” (Outlook) or “View source” (Thunderbird, Ctrl+U). Including the body does no harm: only the header is read.",
    form: {
      label: "Message header",
      hint: "Paste the whole header, including the lines that start with “Received:”. Up to 1 MiB can be analyzed.",
      submit: "Analyze",
      pending: "Analyzing…",
    },
    samples: {
      legend: "Try a sample",
      label: "Sample header",
      submit: "Analyze sample",
      hint: "The chosen sample is put in the box above and analyzed. All names and addresses in the samples are made up.",
      names: {
        "sendmail-2006": "Sendmail, 2006 (encrypted with TLS 1.0)",
        gmail: "Gmail to Gmail (every hop encrypted)",
        "plain-hop": "A path with an unencrypted hop",
        "jp-isp": "A Japanese ISP (message with an encoded Japanese subject)",
      },
    },
    errors: {
      empty: "Nothing was pasted. Paste a message header, then press “Analyze”.",
      "too-large":
        "What you pasted is too large ({size} bytes). Up to 1 MiB (1,048,576 bytes) can be analyzed: leave out the body and paste only the header.",
      invalid: "The form could not be read. Please reload the page and try again.",
    },
    result: {
      heading: "Result",
      sampleNote: "Analyzed the sample “{name}”.",
      hopCount: "Received fields: {count}",
      truncated: "Only the first {shown} of {count} hops are shown; the verdict covers them all.",
      verdict: {
        encrypted: "Every recorded hop was encrypted.",
        "not-encrypted": "Not encrypted from hop {hop}.",
        unknown: "Cannot tell whether the message was encrypted.",
        none: "No Received fields were found.",
      },
      verdictDetail: {
        encrypted:
          "Every hop across a network is recorded as using TLS (hand-overs inside one server are not counted).",
        "not-encrypted":
          "Hop {hop} (from {from} to {by}) is recorded as sent without TLS. On that hop the message could have been read by anyone on the network path.",
        unknown:
          "Some hops do not record whether TLS was used: {hops}. Some servers do not record it even when they encrypt.",
        none: "Check that you pasted the whole header (the part with the lines that start with “Received:”). The body alone, or part of a forwarded message, cannot be analyzed.",
      },
      otherPlainHops: "Other unencrypted hops: {hops}",
      trust:
        "Each server that receives a message adds its own Received field. Lines older than your own provider's were written by the sending side and may be forged.",
      trustLink: "Which lines you can trust",
      plainLink: "Why some hops are still unencrypted (STARTTLS)",
    },
    level: {
      good: "Every recorded hop was encrypted.",
      weak: "Encrypted, but weak: {reasons}.",
      weakPartial: "The encrypted hops are weak: {reasons}.",
      "not-encrypted": "Not encrypted from hop {hop}.",
      unknown: "Cannot tell whether the message was encrypted.",
      none: "No Received fields were found.",
    },
    levelMarks: {
      good: "Good",
      weak: "Weak",
      "not-encrypted": "Not encrypted",
      unknown: "Unknown",
      none: "No record",
    },
    levelDetail: {
      good: "Every hop across a network is recorded as using TLS, with no old TLS version or weak cipher on record (hand-overs inside one server are not counted).",
      weak: "Every hop across a network is recorded as using TLS, but some fall short of today's standards:",
    },
    short: {
      "tls-below-1.2": "{versions} (outdated)",
      "anonymous-key-exchange": "anonymous key exchange",
      "export-cipher": "an export-grade cipher",
      rc4: "the RC4 cipher",
      "3des": "the 3DES cipher",
      "single-des": "the DES cipher",
      "null-cipher": "a NULL cipher",
      "md5-mac": "MD5 integrity checks",
      "certificate-failed": "certificate verification failed",
      "certificate-not-verified": "certificate not verified",
    },
    findings: {
      label: "Why",
      more: "{hops} and {count} more hops",
      codes: {
        "not-encrypted":
          "{hops}: recorded as sent without TLS. On this hop, anyone on the network path could have read the message.",
        "tls-below-1.2": "{hops}: encrypted with {versions}, a version older than TLS 1.2 and since retired.",
        "anonymous-key-exchange": "{hops}: an anonymous key exchange, which cannot stop impersonation.",
        "export-cipher": "{hops}: an export-grade cipher, weakened on purpose and quickly broken.",
        rc4: "{hops}: the RC4 cipher, which TLS prohibits.",
        "3des": "{hops}: the 3DES cipher, open to an attack on long connections (Sweet32).",
        "single-des": "{hops}: the DES cipher, with a key of only 56 bits.",
        "null-cipher": "{hops}: a NULL cipher, which does not encrypt at all.",
        "md5-mac": "{hops}: an old suite that detects tampering with MD5.",
        "certificate-failed":
          "{hops}: the receiving server tried to check the sending server's certificate and could not, yet accepted the message, so the sender's identity was not confirmed.",
        "certificate-not-verified":
          "{hops}: the receiving server did not check the sending server's certificate ({states}). Encrypted or not, it could not tell the real sender from someone in between.",
        "no-tls-record":
          "{hops}: no record of whether TLS was used. Some servers do not record it even when they encrypt.",
        "version-not-recorded": "{hops}: encrypted, but the TLS version is not recorded.",
      },
      certificateNote:
        "A Received field only tells whether the receiving side checked the sender's certificate; whether the sender checked the receiver's is never recorded. Hops where a mail program logged in are left out: there a password, not a certificate, identifies the sender.",
    },
    certificate: {
      verified: "verified",
      failed: "verification failed",
      "not-verified": "not verified",
      "not-presented": "none presented",
      "not-requested": "not requested",
    },
    path: {
      heading: "Path (from sender to recipient)",
      description:
        "Oldest hop first. A closed lock marks a hop encrypted with TLS, a lock with “!” one encrypted with old TLS or a weak cipher, an open lock an unencrypted hop, a house a hand-over inside one server, and “?” a hop the record does not settle.",
      sender: "Sender",
      recipient: "Recipient (the mailbox that received this message)",
      hop: "Hop {hop}",
      route: "from {from} to {by}",
      unnamed: "(no name recorded)",
      with: "Protocol: {with}",
      evidence: "Evidence:",
      weak: "Weak encryption (see the warnings above)",
      certificate: "Sender's certificate: {state}",
    },
    marks: {
      yes: "Encrypted (TLS)",
      weak: "Encrypted (weak)",
      no: "Not encrypted",
      local: "Inside the server",
      unknown: "Unknown",
    },
    localReasons: {
      "no-from-clause": "a hand-over inside the server, with no sender recorded",
      loopback: "a hand-over on the same machine (localhost)",
      lmtp: "delivery to the mailbox (LMTP)",
      mapi: "a hand-over inside Exchange (MAPI)",
      "local-protocol": "a hand-over inside the server",
    },
    table: {
      caption: "Each hop in detail (oldest first)",
      hop: "Hop",
      from: "From",
      by: "By",
      with: "With",
      tls: "TLS",
      version: "Version",
      cipher: "Cipher suite",
      authenticated: "Authenticated",
      certificate: "Sender's certificate",
      date: "Date",
      delay: "Since previous hop",
      authenticatedYes: "Yes",
      authenticatedNo: "Not recorded",
      weak: "weak",
      none: "—",
    },
    delay: {
      seconds: "{s} s",
      minutes: "{m} min {s} s",
      hours: "{h} h {m} min",
      days: "{d} d {h} h",
      skew: "{value} earlier (the servers' clocks disagree)",
    },
    weak: {
      heading: "Weak encryption warnings",
      intro: "These hops were encrypted, but with methods that are no longer considered safe.",
      hop: "Hop {hop} ({by}): {tls}",
      reasons: {
        "tls-below-1.2":
          "A TLS version older than 1.2. RFC 8996 (2021) deprecated TLS 1.0 and 1.1; SSL 2.0 and 3.0 were prohibited before that.",
        "anonymous-key-exchange":
          "An anonymous key exchange that never checks the other server, so it cannot stop impersonation (a man-in-the-middle).",
        "export-cipher": "An “export-grade” cipher, weakened for 1990s export rules; it can be broken quickly.",
        rc4: "The RC4 cipher, prohibited in TLS by RFC 7465 (2015).",
        "3des": "The 3DES (Triple DES) cipher. Its short block allows an attack on long connections (Sweet32).",
        "single-des": "The DES cipher. Its 56-bit key is easily broken by brute force.",
        "null-cipher": "A NULL cipher: no encryption at all, even though TLS is in use.",
        "md5-mac":
          "An old suite that checks integrity with MD5, a hash with practical attacks (collisions); RFC 6151 advises against it in anything new.",
      },
      learnMore: "How old TLS was retired (What has changed since 2006)",
    },
    anchors: { trust: "which-lines-you-can-trust", tlsVersions: "old-protocol-versions-retired-rfc-8996-2021" },
    articles: {
      heading: "What you are looking at",
      items: {
        "received-headers": "Reading Received headers: what each line means and how TLS is recorded",
        starttls: "STARTTLS: encryption between servers, and why unencrypted hops remain",
        "implicit-tls": "Implicit TLS (SSL/TLS): encryption from the moment of connection",
        "since-2006": "What has changed since 2006: TLS versions and the retirement of old TLS",
      },
    },
  },
});

export type AnalyzerMessages = (typeof receivedMessages)["ja"];
