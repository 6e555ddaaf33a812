import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type KeyPair = { key: string; cert: string; keyFile: string; certFile: string };
export type TestCertificates = {
  dir: string;
  caFile: string;
  ca: string;
  // localhost, 127.0.0.1 and 127.0.0.2, valid for 30 days, signed by the test CA
  valid: KeyPair;
  // the same names, but it ended in 2020
  expired: KeyPair;
  // valid and signed by the test CA, but for another name
  wrongName: KeyPair;
};

export const LOCAL_NAMES = "DNS:localhost,IP:127.0.0.1,IP:127.0.0.2";

function openssl(args: string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: "pipe" });
}

// Throw-away certificates made at setup time. `openssl req -days` cannot make one that has
// already expired, and OpenSSL 3.0 has no `x509 -not_after`, so leaves are issued with
// `openssl ca`, whose -startdate/-enddate accept any dates. EC keys keep this fast.
export function createTestCertificates(dir: string): TestCertificates {
  mkdirSync(path.join(dir, "ca-db"), { recursive: true });
  writeFileSync(path.join(dir, "ca-db", "index.txt"), "");
  writeFileSync(path.join(dir, "ca-db", "serial"), "1000\n");
  writeFileSync(
    path.join(dir, "ca.cnf"),
    [
      "[ca]",
      "default_ca = test",
      "[test]",
      `dir = ${path.join(dir, "ca-db")}`,
      "database = $dir/index.txt",
      "new_certs_dir = $dir",
      "serial = $dir/serial",
      "default_md = sha256",
      "policy = any",
      "unique_subject = no",
      "copy_extensions = none",
      "[any]",
      "commonName = supplied",
      "[local]",
      "basicConstraints = CA:FALSE",
      `subjectAltName = ${LOCAL_NAMES}`,
      "extendedKeyUsage = serverAuth",
      "[wrong]",
      "basicConstraints = CA:FALSE",
      "subjectAltName = DNS:mail.wrong-name.test",
      "extendedKeyUsage = serverAuth",
      "",
    ].join("\n"),
  );
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(
    [
      "req",
      "-x509",
      ...ec,
      "-days",
      "2",
      "-subj",
      "/CN=Mail Security Compass Test CA",
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    ],
    dir,
  );

  const issue = (name: string, cn: string, extensions: string, dates: string[]): KeyPair => {
    openssl(["req", "-new", ...ec, "-subj", `/CN=${cn}`, "-keyout", `${name}.key`, "-out", `${name}.csr`], dir);
    openssl(
      [
        "ca",
        "-batch",
        "-config",
        "ca.cnf",
        "-cert",
        "ca.pem",
        "-keyfile",
        "ca.key",
        "-in",
        `${name}.csr`,
        "-out",
        `${name}.pem`,
        "-extensions",
        extensions,
        "-notext",
        ...dates,
      ],
      dir,
    );
    const keyFile = path.join(dir, `${name}.key`);
    const certFile = path.join(dir, `${name}.pem`);
    return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8"), keyFile, certFile };
  };

  return {
    dir,
    caFile: path.join(dir, "ca.pem"),
    ca: readFileSync(path.join(dir, "ca.pem"), "utf8"),
    valid: issue("valid", "localhost", "local", ["-days", "30"]),
    expired: issue("expired", "localhost", "local", ["-startdate", "20200101000000Z", "-enddate", "20200201000000Z"]),
    wrongName: issue("wrong-name", "mail.wrong-name.test", "wrong", ["-days", "30"]),
  };
}

// A further leaf from the test CA for the given DNS names (the mail-domain checks need MX and
// mta-sts host names), valid for 30 days.
export function issueTestCertificate(certs: TestCertificates, file: string, dnsNames: string[]): KeyPair {
  const dir = certs.dir;
  const [first = "localhost"] = dnsNames;
  writeFileSync(
    path.join(dir, `${file}.ext`),
    [
      "basicConstraints = CA:FALSE",
      `subjectAltName = ${dnsNames.map((n) => `DNS:${n}`).join(",")}`,
      "extendedKeyUsage = serverAuth",
      "",
    ].join("\n"),
  );
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(["req", "-new", ...ec, "-subj", `/CN=${first}`, "-keyout", `${file}.key`, "-out", `${file}.csr`], dir);
  openssl(
    [
      "ca",
      "-batch",
      "-config",
      "ca.cnf",
      "-cert",
      "ca.pem",
      "-keyfile",
      "ca.key",
      "-in",
      `${file}.csr`,
      "-out",
      `${file}.pem`,
      "-extfile",
      `${file}.ext`,
      "-notext",
      "-days",
      "30",
    ],
    dir,
  );
  const keyFile = path.join(dir, `${file}.key`);
  const certFile = path.join(dir, `${file}.pem`);
  return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8"), keyFile, certFile };
}
