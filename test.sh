#!/usr/bin/env bash
# Every test in one command: install what is missing, then the whole suite (real Samba, real FUSE mounts).
set -euo pipefail
cd "$(dirname "$0")"
installer/linux/install-deps.sh
exec dotnet test DokanRedirector.sln -c Release "$@"
