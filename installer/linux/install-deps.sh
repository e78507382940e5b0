#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build, test and run DokanRedirector.
# Idempotent: installs only missing packages. Needs root (or sudo) for apt-get.
set -euo pipefail

# wixl and msitools build and inspect the Windows installer (installer/windows/build-msi.sh) on Linux.
apt_packages=(samba smbclient fuse3 libfuse3-3 wixl msitools)

sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

apt_updated=
apt_update_once() {
  [[ -n $apt_updated ]] || { sudo_if_needed apt-get update -qq; apt_updated=1; }
}

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  apt_update_once
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The .NET 10 SDK: Debian's (or Microsoft's) apt package when the sources have one, else Microsoft's
# dotnet-install.sh into /usr/share/dotnet, the directory the packages use.
if ! command -v dotnet >/dev/null 2>&1; then
  apt_update_once
  if apt-cache show dotnet-sdk-10.0 >/dev/null 2>&1; then
    echo "install-deps: installing dotnet-sdk-10.0"
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dotnet-sdk-10.0 >/dev/null
  else
    echo "install-deps: no apt package for the .NET 10 SDK; using Microsoft's dotnet-install.sh"
    command -v curl >/dev/null 2>&1 || sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl ca-certificates >/dev/null
    script=$(mktemp)
    curl -fsSL https://dot.net/v1/dotnet-install.sh -o "$script"
    sudo_if_needed bash "$script" --channel 10.0 --install-dir /usr/share/dotnet
    sudo_if_needed ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet
    rm -f "$script"
  fi
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-deps: the .NET 10 SDK is missing. Install it (https://learn.microsoft.com/dotnet/core/install/linux-debian)" >&2
  echo "             and run this script again." >&2
  exit 1
fi
dotnet --version | grep -q '^10\.' || { echo "install-deps: .NET SDK 10 required, found $(dotnet --version)" >&2; exit 1; }
echo "install-deps: ok (dotnet $(dotnet --version))"
