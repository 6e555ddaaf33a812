// Example headers for the analyzer page. Every name and address is invented: example domains
// (RFC 2606 / RFC 6761) and documentation address blocks (RFC 5737, RFC 3849).

export const SAMPLE_IDS = ["sendmail-2006", "gmail", "plain-hop", "jp-isp"] as const;
export type SampleId = (typeof SAMPLE_IDS)[number];

// A 2006 Sendmail pair: both hops use STARTTLS, but with TLS 1.0 and, between the servers,
// 3DES, and the receiving relay did not ask for the sender's certificate (verify=NOT): the
// "weak" headline, with every one of its reasons.
const SENDMAIL_2006 = `Return-Path: <yamada@example.co.jp>
Received: from mail.example.co.jp (mail.example.co.jp [203.0.113.80])
	by mx.example.ne.jp (8.13.6/8.13.6) with ESMTP id k2A1c9Lm004321
	(version=TLSv1/SSLv3 cipher=EDH-RSA-DES-CBC3-SHA bits=168 verify=NOT)
	for <kimura@example.ne.jp>; Fri, 10 Mar 2006 10:38:12 +0900 (JST)
Received: from [192.0.2.15] (pc15.example.co.jp [192.0.2.15])
	(authenticated bits=0)
	by mail.example.co.jp (8.13.6/8.13.6) with ESMTP id k2A1c6Qa001234
	(version=TLSv1/SSLv3 cipher=DHE-RSA-AES256-SHA bits=256 verify=NO)
	for <kimura@example.ne.jp>; Fri, 10 Mar 2006 10:38:07 +0900 (JST)
Message-ID: <44110A2E.5060809@example.co.jp>
Date: Fri, 10 Mar 2006 10:38:05 +0900
From: Yamada Taro <yamada@example.co.jp>
User-Agent: Thunderbird 1.5 (Windows/20051201)
MIME-Version: 1.0
To: kimura@example.ne.jp
Subject: Meeting notes
Content-Type: text/plain; charset=ISO-2022-JP
Content-Transfer-Encoding: 7bit
`;

// Sent from the Gmail app (HTTPS to Google's API), handed between Google's servers over TLS,
// then stored without a from clause: every hop encrypted or internal.
const GMAIL = `Delivered-To: hanako.example@gmail.com
Received: by 2002:a05:6a10:9c8e:b0:5a1:1234:abcd with SMTP id jn14csp2345678pxb;
        Tue, 14 May 2024 02:15:09 -0700 (PDT)
X-Received: by 2002:a17:90a:d3c2:b0:2b2:7e3a:1111 with SMTP id d2-20020a17090ad3c200b002b27e3a1111mr9876543pjw.12.1715678109123;
        Tue, 14 May 2024 02:15:09 -0700 (PDT)
ARC-Seal: i=1; a=rsa-sha256; t=1715678109; cv=none;
        d=google.com; s=arc-20160816;
        b=AAAAexampleexampleexampleexample
Return-Path: <taro.example@gmail.com>
Received: from mail-sor-f69.google.com (mail-sor-f69.google.com. [198.51.100.69])
        by mx.google.com with SMTPS id 98e67ed59e1d1-2b5f0c2a1e3sor1234567a91.5.2024.05.14.02.15.08
        for <hanako.example@gmail.com>
        (Google Transport Security);
        Tue, 14 May 2024 02:15:08 -0700 (PDT)
Received-SPF: pass (google.com: domain of taro.example@gmail.com designates 198.51.100.69 as permitted sender) client-ip=198.51.100.69;
Authentication-Results: mx.google.com;
       dkim=pass header.i=@gmail.com header.s=20230601 header.b=Example1;
       spf=pass (google.com: domain of taro.example@gmail.com designates 198.51.100.69 as permitted sender) smtp.mailfrom=taro.example@gmail.com;
       dmarc=pass (p=NONE sp=QUARANTINE dis=NONE) header.from=gmail.com
X-Received: by 2002:a05:6a00:2d8a:b0:6f4:4b1c:2222 with SMTP id fb10-20020a056a002d8a00b006f44b1c2222mr1234567pfb.3.1715678108456;
        Tue, 14 May 2024 02:15:08 -0700 (PDT)
Received: from 987654321098 named unknown by gmailapi.google.com with HTTPREST; Tue, 14 May 2024 02:15:07 -0700
From: Taro Example <taro.example@gmail.com>
Date: Tue, 14 May 2024 02:15:07 -0700
Message-ID: <CAexampleABCDEF1234567890@mail.gmail.com>
Subject: Lunch on Friday?
To: hanako.example@gmail.com
Content-Type: text/plain; charset="UTF-8"
`;

// Submitted over TLS 1.3, then relayed to the recipient's MX without STARTTLS (hop 2),
// then delivered to the mailbox over LMTP inside the receiving server.
const PLAIN_HOP = `Return-Path: <ken@example.org>
Delivered-To: mika@example.net
Received: from mx1.example.net
	by mx1.example.net with LMTP
	id 0CqMCkNxQ2bVNQAAgupzMw
	(envelope-from <ken@example.org>)
	for <mika@example.net>; Tue, 14 May 2024 18:20:06 +0900
Received: from relay.example.org (relay.example.org [203.0.113.45])
	by mx1.example.net (Postfix) with ESMTP id 4VdK2x1Qz9z4x1
	for <mika@example.net>; Tue, 14 May 2024 18:20:05 +0900 (JST)
Received: from [192.0.2.23] (unknown [192.0.2.23])
	(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
	 key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)
	(No client certificate requested)
	(Authenticated sender: ken@example.org)
	by relay.example.org (Postfix) with ESMTPSA id 4VdK2w6mH5z1abc
	for <mika@example.net>; Tue, 14 May 2024 11:20:03 +0200 (CEST)
Message-ID: <0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b@example.org>
Date: Tue, 14 May 2024 11:20:01 +0200
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
From: Ken <ken@example.org>
To: Mika <mika@example.net>
Subject: Photos from the trip
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 7bit
`;

// A Japanese ISP: submission over TLS 1.2, a virus filter on the same machine (localhost),
// delivery to the mailbox server over TLS 1.2. Subject and names are ISO-2022-JP encoded words
// ("会議資料の送付について", "鈴木 一郎", "田中 様"), as Japanese mail programs still send them.
const JP_ISP = `Return-Path: <suzuki@example.ne.jp>
Received: from mta02.example.ne.jp (mta02.example.ne.jp [203.0.113.102])
	by mbox01.example.ne.jp with ESMTPS id 7f3a9c2b1d
	(version=TLSv1.2 cipher=ECDHE-RSA-AES256-GCM-SHA384)
	for <tanaka@example.ne.jp>; Wed, 15 May 2024 08:02:14 +0900 (JST)
Received: from localhost (localhost [127.0.0.1])
	by mta02.example.ne.jp (Postfix) with ESMTP id 4VdQk52HkNz2y8
	for <tanaka@example.ne.jp>; Wed, 15 May 2024 08:02:13 +0900 (JST)
Received: from [192.0.2.140] (p4140-ipoe.example.ne.jp [192.0.2.140])
	(authenticated bits=0)
	by mta02.example.ne.jp (8.15.2/8.15.2) with ESMTPSA id 44EN2Bx1012345
	(version=TLSv1.2 cipher=ECDHE-RSA-AES128-GCM-SHA256 bits=128 verify=NO)
	for <tanaka@example.ne.jp>; Wed, 15 May 2024 08:02:11 +0900 (JST)
Message-ID: <6643EF8A.4030509@example.ne.jp>
Date: Wed, 15 May 2024 08:02:09 +0900
From: =?ISO-2022-JP?B?GyRCTmtMWhsoQiAbJEIwbE86GyhC?= <suzuki@example.ne.jp>
To: =?ISO-2022-JP?B?GyRCRURDZhsoQiAbJEJNTRsoQg==?= <tanaka@example.ne.jp>
Subject: =?ISO-2022-JP?B?GyRCMnE1RDtxTkEkTkF3SVUkSyREJCQkRhsoQg==?=
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-2022-JP
Content-Transfer-Encoding: 7bit
`;

export const SAMPLES: Record<SampleId, string> = {
  "sendmail-2006": SENDMAIL_2006,
  gmail: GMAIL,
  "plain-hop": PLAIN_HOP,
  "jp-isp": JP_ISP,
};
