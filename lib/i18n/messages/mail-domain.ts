import { defineMessages } from "./define";

// The check page's section on how a domain receives mail from other servers (MX, STARTTLS on
// port 25, MTA-STS, TLS-RPT, DANE, with SPF and DMARC as context), for a rental-server customer:
// what each finding means and what to ask the provider. "Could not test from here" is never
// worded as "no".

export const mailDomainMessages = defineMessages({
  ja: {
    heading: "このドメインが受け取るメールの保護",
    intro:
      "ここからは、ほかのメールサーバーがこのドメイン宛てのメールを届けるとき (サーバー同士の配送) の保護です。メールソフトの設定とは別の話で、設定を変えられるのはメールを提供している会社 (レンタルサーバーやプロバイダー) です。",
    claim: "対応表での値",
    noClaim: "判定しません (確かめられなかったため、対応表では「不明」のままです)",
    ask: "提供元に尋ねること",
    learnMore: "詳しく",
    articles: {
      "mx-security": "受信サーバー (MX) 側のメールの保護",
      op25b: "OP25B (ポート 25 の遮断) とは",
    },
    mx: {
      found: "受信サーバー (MX): {hosts}",
      unprobed: "ほかに {count} 台の受信サーバーがありますが、検査していません (件数の上限)。",
      none: "MX レコードがありません。受信サーバーを名乗るものがないため、受信の保護は検査していません。",
      "null-mx":
        "このドメインは「メールを受け取らない」と宣言しています (null MX、RFC 7505)。受け取るメールがないため、受信の保護は関係ありません。",
      "no-such-domain": "このドメインは DNS にありません。",
      failed:
        "MX レコードを DNS から得られず ({code})、受信の保護は確かめられませんでした。時間をおいて検査し直してください。",
    },
    properties: {
      "mx-starttls": "受信サーバーの暗号化 (25番ポートの STARTTLS)",
      "mta-sts": "暗号化の強制 (MTA-STS)",
      "tls-rpt": "暗号化の失敗の報告 (TLS-RPT)",
      dane: "証明書の DNS での確認 (DANE)",
    },
    starttls: {
      yes: "はい。検査した受信サーバーはすべて STARTTLS に対応しています。ほかのサーバーから届くメールは、途中で暗号化できます。",
      partial:
        "一部だけです。STARTTLS に対応していない受信サーバーがあり、そのサーバーに届くメールは暗号化されずに流れるおそれがあります。",
      no: "いいえ。受信サーバーが STARTTLS を提示しませんでした。ほかのサーバーから届くメールは、暗号化されないままインターネットを流れます。",
      notTested: "ここからは確かめられませんでした。「対応していない」という意味ではありません。",
      op25b:
        "このサイトのネットワークからは、受信サーバーの 25 番ポートに接続できませんでした。日本のプロバイダーの OP25B (Outbound Port 25 Blocking) をはじめ、多くのネットワークやクラウドは迷惑メール対策として外向きの 25 番ポートを塞いでいます。塞がれているのはこちら側で、受信サーバーに問題があるとは限りません。",
      disabled:
        "このサイトの設置先では外向きの 25 番ポートが塞がれているため (OP25B など)、接続を試していません。受信サーバーに問題があるとは限りません。",
      askNo: "受信サーバー (MX) で STARTTLS を使えるようにする予定があるか、提供元に尋ねてください。",
      askCertificate:
        "証明書に問題がある受信サーバーがあります。正しい証明書に替える予定があるか、提供元に尋ねてください (MTA-STS や DANE を使うには必須です)。",
      host: {
        yes: "STARTTLS に対応 ({version})。{certificate}",
        certificateOk: "証明書は有効で、名前も一致しています",
        certificateInvalid: "証明書を信頼できる発行元で検証できません ({error})",
        nameMismatch: "証明書の名前がサーバー名と一致しません",
        "not-offered": "STARTTLS を提示していません",
        "refused-by-server": "STARTTLS を求めると断られました",
        "handshake-failed": "暗号化の開始 (TLS ハンドシェイク) に失敗しました",
        "port-25-unreachable":
          "ここからは確かめられませんでした (25 番ポートに接続できません。OP25B などで塞がれています)",
        "port-25-disabled": "ここからは確かめられませんでした (この設置先では 25 番ポートを使えません)",
        unresolvable: "サーバー名が DNS で見つかりません",
        "refused-address": "内部ネットワーク向けのアドレスを指しているため、接続しませんでした",
        rejected: "サーバーに接続を断られました (クラウドからの接続を拒む設定などが考えられます)",
        other: "やりとりが途中で止まり、確かめられませんでした",
      },
    },
    mtaSts: {
      valid:
        "MTA-STS のポリシーが正しく公開され、すべての受信サーバーが含まれています (モード: {mode}、有効期間: {maxAge} 秒)。",
      modes: {
        enforce:
          "モード enforce: 対応した送信側は、暗号化と正しい証明書がないとこのドメインへ配送しません。途中で暗号化を外す攻撃を防げます。",
        testing: "モード testing: 試験中です。問題があっても配送は止めず、報告だけを求めます。まだ攻撃は防げません。",
        none: "モード none: MTA-STS をやめる途中であることを示しています。保護はありません。",
      },
      askTesting: "問題がなければ enforce モードに進める予定があるか、提供元に尋ねてください。",
      "mx-mismatch":
        "一部だけです。ポリシーはありますが、その mx 欄に含まれていない受信サーバーがあります: {hosts}。enforce モードでは、含まれていないサーバーへのメールは配送されません。",
      askMismatch: "ポリシーの mx 欄を実際の受信サーバー (MX) に合わせるよう、提供元に伝えてください。",
      invalid:
        "いいえ。_mta-sts の TXT レコードはありますが、ポリシーが使えません。送信側は MTA-STS がないものとして扱います。",
      askInvalid: "MTA-STS のポリシーを正しく公開し直すよう、提供元に伝えてください (下の理由を添えて)。",
      none: "いいえ。MTA-STS を公開していません。送信側は暗号化を試みますが、途中で暗号化を外す攻撃は防げません。",
      askNone: "MTA-STS に対応する予定があるか、提供元に尋ねてください。",
      notTested: "ここからは確かめられませんでした。「対応していない」という意味ではありません。",
      reasons: {
        "dns-failed": "DNS の問い合わせに答えが得られませんでした。",
        "policy-fetch-failed": "ポリシーのサーバーから時間内に答えが得られませんでした。",
      },
      patterns: "ポリシーの mx 欄: {patterns}",
      problems: {
        "txt-multiple": "_mta-sts の TXT レコードが複数あります (1 つだけにする必要があります)",
        "txt-bad-id": "_mta-sts の TXT レコードの id が正しくありません",
        "no-policy-host":
          "ポリシーを置くサーバー mta-sts.{domain} が DNS にありません (TXT レコードだけでポリシーがありません)",
        redirect: "ポリシーの URL が別の場所へ転送されています。MTA-STS では転送は認められません ({fetch})",
        "http-status": "ポリシーのファイル https://mta-sts.{domain}/.well-known/mta-sts.txt が見つかりません ({fetch})",
        "content-type": "ポリシーが text/plain 以外の形式で返されています",
        certificate:
          "ポリシーのサーバー mta-sts.{domain} の証明書が正しくないため、送信側はポリシーを読めません ({fetch})",
        "too-large": "ポリシーのファイルが大きすぎます",
        refused: "ポリシーのサーバーが接続を拒みました",
        "policy-version": "ポリシーの version 欄が正しくありません",
        "policy-mode": "ポリシーの mode 欄が正しくありません",
        "policy-max_age": "ポリシーの max_age 欄が正しくありません",
        "policy-mx": "ポリシーに mx 欄がないか、正しくありません",
      },
    },
    tlsRpt: {
      yes: "はい。TLS-RPT を公開しています。暗号化に失敗した配送があると、送信側から報告が届きます ({rua})。",
      no: "いいえ。TLS-RPT を公開していません。暗号化の失敗が起きても、ドメインの管理者には報告が届きません。",
      invalid: "いいえ。_smtp._tls の TXT レコードはありますが、正しく読めません ({detail})。",
      notTested: "DNS の問い合わせに答えが得られず、確かめられませんでした。",
      ask: "TLS-RPT (_smtp._tls の TXT レコード) を設定できるか、提供元に尋ねてください。",
    },
    dane: {
      yes: "はい。DNSSEC で署名された TLSA レコードが、受信サーバーの証明書と一致しました。DANE に対応した送信側は、なりすましのサーバーに送りません。",
      partial: "一部だけです。DANE で守られていない受信サーバーがあります。",
      no: "いいえ。DANE で守られた受信サーバーはありません。",
      notTested: "ここからは確かめられませんでした。「対応していない」という意味ではありません。",
      askMismatch:
        "証明書を更新したときに TLSA レコードも更新したか、提供元に確かめてもらってください。一致しないままだと、DANE に対応した送信側からのメールが届きません。",
      askUnsigned:
        "DNSSEC の署名を有効にする予定があるか、提供元に尋ねてください。署名がなければ TLSA レコードは役に立ちません。",
      askNone: "DNSSEC と DANE に対応する予定があるか、提供元に尋ねてください。",
      host: {
        valid: "TLSA レコードが証明書と一致しています (DNSSEC で検証済み)",
        mismatch: "TLSA レコードがありますが、サーバーが示した証明書と一致しません",
        unusable: "TLSA レコードはありますが、SMTP では使えない種類です",
        unsigned:
          "TLSA レコードはありますが、DNSSEC で署名されていません。書き換えられるおそれがあるため、DANE として数えません",
        none: "TLSA レコードがありません",
        "no-dnssec-validation":
          "ここからは確かめられませんでした (このサイトの DNS リゾルバーが DNSSEC を検証しないため、TLSA レコードを信用できません)",
        "no-certificate":
          "ここからは確かめられませんでした (25 番ポートに接続できず、照らし合わせる証明書を得られません)",
        "dns-failed": "ここからは確かめられませんでした (DNS の問い合わせに答えが得られません)",
        other: "ここからは確かめられませんでした",
      },
    },
    context: {
      heading: "参考: なりすまし対策",
      note: "SPF と DMARC は暗号化ではなく、送信元のなりすましを防ぐしくみです。",
      spf: {
        label: "SPF",
        yes: "公開しています",
        no: "公開していません",
        invalid: "レコードが正しくありません ({detail})",
        "not-tested": "確かめられませんでした",
      },
      dmarc: {
        label: "DMARC",
        yes: "公開しています (ポリシー: {policy})",
        no: "公開していません",
        invalid: "レコードが正しくありません ({detail})",
        "not-tested": "確かめられませんでした",
      },
    },
  },
  en: {
    heading: "How this domain receives mail",
    intro:
      "This part is about mail other servers deliver to this domain (server to server). It is separate from your mail program's settings: only the company that provides the mail (your rental server or ISP) can change it.",
    claim: "Catalogue value",
    noClaim: "No verdict (it could not be tested, so the catalogue keeps “unknown”)",
    ask: "What to ask your provider",
    learnMore: "Read more",
    articles: {
      "mx-security": "Protecting the mail your domain receives (MX)",
      op25b: "OP25B: when port 25 is blocked",
    },
    mx: {
      found: "Receiving servers (MX): {hosts}",
      unprobed: "{count} more receiving servers are listed but were not checked (over the limit).",
      none: "There are no MX records. No server is named to receive mail, so receiving was not checked.",
      "null-mx":
        "This domain declares that it receives no mail (null MX, RFC 7505), so protection of incoming mail does not apply.",
      "no-such-domain": "This domain is not in the DNS.",
      failed:
        "The MX records could not be read from the DNS ({code}), so receiving could not be checked. Try again later.",
    },
    properties: {
      "mx-starttls": "Encryption at the receiving servers (STARTTLS on port 25)",
      "mta-sts": "Encryption made mandatory (MTA-STS)",
      "tls-rpt": "Reports of failed encryption (TLS-RPT)",
      dane: "Certificates confirmed in the DNS (DANE)",
    },
    starttls: {
      yes: "Yes. Every receiving server checked offers STARTTLS: mail other servers deliver here can be encrypted on the way.",
      partial:
        "Only partly. Some receiving servers do not offer STARTTLS; mail delivered to them may travel unencrypted.",
      no: "No. The receiving servers did not offer STARTTLS: mail from other servers crosses the internet unencrypted.",
      notTested: "Could not test from here. This does not mean “not supported”.",
      op25b:
        "This site's network could not connect to port 25 of the receiving servers. Many networks and clouds block outgoing port 25 against spam (Japanese ISPs call it OP25B, Outbound Port 25 Blocking). The block is on our side; it says nothing against the receiving servers.",
      disabled:
        "Outgoing port 25 is blocked where this site runs (OP25B or similar), so no connection was tried. It says nothing against the receiving servers.",
      askNo: "Ask your provider whether they plan to enable STARTTLS on the receiving servers (MX).",
      askCertificate:
        "A receiving server has a certificate problem. Ask your provider whether they will replace it with a valid certificate (MTA-STS and DANE need one).",
      host: {
        yes: "Offers STARTTLS ({version}). {certificate}",
        certificateOk: "Certificate valid, name matches",
        certificateInvalid: "Certificate cannot be verified by a trusted issuer ({error})",
        nameMismatch: "Certificate name does not match the server name",
        "not-offered": "Does not offer STARTTLS",
        "refused-by-server": "Refused STARTTLS when asked",
        "handshake-failed": "Starting encryption (the TLS handshake) failed",
        "port-25-unreachable": "Could not test from here (port 25 unreachable: blocked by OP25B or similar)",
        "port-25-disabled": "Could not test from here (port 25 is not available where this site runs)",
        unresolvable: "The server name is not in the DNS",
        "refused-address": "Not contacted: it points to an internal network address",
        rejected: "The server turned the connection away (it may refuse connections from clouds)",
        other: "The dialogue stopped part-way, so it could not be tested",
      },
    },
    mtaSts: {
      valid:
        "An MTA-STS policy is published correctly and covers every receiving server (mode: {mode}, max_age: {maxAge} seconds).",
      modes: {
        enforce:
          "Mode enforce: senders that support it deliver here only over encryption with a valid certificate, which stops attackers from stripping the encryption.",
        testing:
          "Mode testing: a trial. Problems are reported but delivery goes on, so it does not stop an attack yet.",
        none: "Mode none: MTA-STS is being withdrawn. It protects nothing.",
      },
      askTesting: "Ask your provider whether they plan to move to mode enforce once the reports look clean.",
      "mx-mismatch":
        "Only partly. A policy exists, but its mx lines leave out these receiving servers: {hosts}. In mode enforce, mail to a server left out is not delivered.",
      askMismatch: "Tell your provider to make the policy's mx lines match the real receiving servers (MX).",
      invalid:
        "No. There is an _mta-sts TXT record, but the policy cannot be used: senders treat the domain as having no MTA-STS.",
      askInvalid: "Tell your provider to publish the MTA-STS policy correctly (with the reason below).",
      none: "No. No MTA-STS is published: senders try encryption, but nothing stops an attacker from stripping it.",
      askNone: "Ask your provider whether they plan to support MTA-STS.",
      notTested: "Could not test from here. This does not mean “not supported”.",
      reasons: {
        "dns-failed": "The DNS gave no answer.",
        "policy-fetch-failed": "The policy server gave no answer in time.",
      },
      patterns: "The policy's mx lines: {patterns}",
      problems: {
        "txt-multiple": "There are several _mta-sts TXT records (there must be one)",
        "txt-bad-id": "The _mta-sts TXT record's id is not valid",
        "no-policy-host": "The policy server mta-sts.{domain} is not in the DNS (a TXT record without a policy)",
        redirect: "The policy URL redirects elsewhere, which MTA-STS does not allow ({fetch})",
        "http-status": "The policy file https://mta-sts.{domain}/.well-known/mta-sts.txt is not there ({fetch})",
        "content-type": "The policy is served as something other than text/plain",
        certificate:
          "The certificate of the policy server mta-sts.{domain} is not valid, so senders cannot read the policy ({fetch})",
        "too-large": "The policy file is too large",
        refused: "The policy server refused the connection",
        "policy-version": "The policy's version line is not valid",
        "policy-mode": "The policy's mode line is not valid",
        "policy-max_age": "The policy's max_age line is not valid",
        "policy-mx": "The policy has no valid mx line",
      },
    },
    tlsRpt: {
      yes: "Yes. TLS-RPT is published: senders report deliveries whose encryption failed ({rua}).",
      no: "No. TLS-RPT is not published: when encryption fails, nobody at the domain hears about it.",
      invalid: "No. There is an _smtp._tls TXT record, but it cannot be read ({detail}).",
      notTested: "The DNS gave no answer, so it could not be tested.",
      ask: "Ask your provider whether they can publish TLS-RPT (an _smtp._tls TXT record).",
    },
    dane: {
      yes: "Yes. DNSSEC-signed TLSA records match the receiving servers' certificates: senders that support DANE will not deliver to an impostor.",
      partial: "Only partly. Some receiving servers are not protected by DANE.",
      no: "No. No receiving server is protected by DANE.",
      notTested: "Could not test from here. This does not mean “not supported”.",
      askMismatch:
        "Ask your provider to check whether the TLSA records were updated with the certificate. While they do not match, mail from senders that support DANE does not arrive.",
      askUnsigned:
        "Ask your provider whether they plan to sign the zone with DNSSEC: without it, TLSA records protect nothing.",
      askNone: "Ask your provider whether they plan to support DNSSEC and DANE.",
      host: {
        valid: "TLSA records match the certificate (DNSSEC-validated)",
        mismatch: "TLSA records exist but do not match the certificate the server presented",
        unusable: "TLSA records exist but are of a kind SMTP cannot use",
        unsigned: "TLSA records exist but are not DNSSEC-signed. They could be forged, so they do not count as DANE",
        none: "No TLSA records",
        "no-dnssec-validation":
          "Could not test from here (this site's DNS resolver does not validate DNSSEC, so TLSA records cannot be trusted)",
        "no-certificate": "Could not test from here (port 25 unreachable, so there was no certificate to compare)",
        "dns-failed": "Could not test from here (the DNS gave no answer)",
        other: "Could not test from here",
      },
    },
    context: {
      heading: "For context: protection against forged senders",
      note: "SPF and DMARC are not encryption: they stop others from sending mail in this domain's name.",
      spf: {
        label: "SPF",
        yes: "Published",
        no: "Not published",
        invalid: "The record is not valid ({detail})",
        "not-tested": "Could not be checked",
      },
      dmarc: {
        label: "DMARC",
        yes: "Published (policy: {policy})",
        no: "Not published",
        invalid: "The record is not valid ({detail})",
        "not-tested": "Could not be checked",
      },
    },
  },
});
