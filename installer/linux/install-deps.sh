#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test DokanRedirector.
# Idempotent: installs only missing packages. Needs root (or sudo) for apt-get.
set -euo pipefail

apt_packages=(samba smbclient fuse3 libfuse3-3)

sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-deps: the .NET 10 SDK is missing. Install it (https://learn.microsoft.com/dotnet/core/install/linux-debian)" >&2
  echo "             and run this script again." >&2
  exit 1
fi
dotnet --version | grep -q '^10\.' || { echo "install-deps: .NET SDK 10 required, found $(dotnet --version)" >&2; exit 1; }
echo "install-deps: ok (dotnet $(dotnet --version))"
