#!/usr/bin/env bash
# The main job in one command: install what is missing, build, and map a share until Ctrl+C.
#   ./demo.sh                                          a throw-away Samba on 127.0.0.1 with sample files
#   ./demo.sh '\\server\share' --user 'CORP\alice'     a real share (prompts for the password; --port N if not 445)
set -euo pipefail
cd "$(dirname "$0")"
installer/linux/install-deps.sh
dotnet build src/DokanRedirector.Cli -c Release -nologo -v quiet
# exec: Ctrl+C goes straight to the program, which unmounts and cleans up.
exec dotnet src/DokanRedirector.Cli/bin/Release/net10.0/dokanredirector.dll demo "$@"
