#!/usr/bin/env bash
# Builds dokanredirector-<version>-x64.msi on Linux with wixl (msitools): publishes the self-contained win-x64 CLI,
# lists its files with wixl-heat, builds dokanredirector.wxs, then adds with msibuild what wixl 0.101 cannot express
# (msi-tables/: the PATH entry and the search for dokan2.dll). Prints the MSI's path as its last line.
# Usage: installer/windows/build-msi.sh [OUTPUT_DIR]    (default: artifacts/windows)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$repo/artifacts/windows}

for tool in wixl wixl-heat msibuild dotnet; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-msi: $tool is missing. Run installer/linux/install-deps.sh (apt packages wixl and msitools; the .NET 10 SDK)." >&2
    exit 1
  fi
done

cli="$repo/src/DokanRedirector.Cli"
version=$(dotnet msbuild "$cli" -getProperty:Version)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
publish="$work/publish"
mkdir -p "$out"
msi="$(cd "$out" && pwd)/dokanredirector-$version-x64.msi"

echo "build-msi: publishing win-x64 $version"
dotnet publish "$cli" -c Release -r win-x64 --self-contained -o "$publish" -nologo -v quiet

# Every published file but the symbols, and but dokanredirector.exe, which the .wxs names itself (its component
# carries the PATH entry). Sorted, so the same files give the same component ids.
(cd "$publish" && find . -type f ! -name '*.pdb' ! -path ./dokanredirector.exe | sort) |
  wixl-heat --directory-ref INSTALLDIR --component-group AppFiles --var var.PublishDir -p ./ --win64 >"$work/files.wxs"

# File sources relative to the working directory: wixl 0.101 cannot open absolute ones.
(cd "$work" && wixl -a x64 -D Version="$version" -D PublishDir=publish -D Win64=yes -o "$msi" "$here/dokanredirector.wxs" files.wxs)

# WriteEnvironmentStrings/RemoveEnvironmentStrings at their standard sequence numbers: wixl schedules only the
# actions of tables it wrote itself.
msibuild "$msi" \
  -i "$here/msi-tables/Environment.idt" -i "$here/msi-tables/Signature.idt" -i "$here/msi-tables/DrLocator.idt" \
  -q "INSERT INTO \`AppSearch\` (\`Property\`, \`Signature_\`) VALUES ('DOKAN2DLL', 'Dokan2Dll')" \
  -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('RemoveEnvironmentStrings', 3300)" \
  -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('WriteEnvironmentStrings', 5200)"
echo "$msi"
