#!/usr/bin/env bash
# System packages the tests need: Debian's chromium for Playwright (its own browser download is
# unreachable here), Dovecot as a real POP3/IMAP server for the probe tests, openssl for
# throw-away certificates, PostgreSQL for the database tests on PostgreSQL
# (scripts/test-postgres.sh). Installs what is missing when run as root; otherwise says what to run.
set -euo pipefail
PACKAGES=(chromium dovecot-pop3d dovecot-imapd openssl postgresql)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Tests need these system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing test dependencies: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
