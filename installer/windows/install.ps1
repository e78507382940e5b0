<#
.SYNOPSIS
  Installs DokanRedirector for the current user, without an MSI and without administrator rights.
.DESCRIPTION
  Copies a published win-x64 folder to %LOCALAPPDATA%\DokanRedirector and adds that folder to the user's PATH.
  Make the folder on any machine with the .NET 10 SDK:
    dotnet publish src/DokanRedirector.Cli -c Release -r win-x64 --self-contained -o publish
  The Dokan 2 driver must be installed first (its installer needs administrator rights, once):
  https://github.com/dokan-dev/dokany/releases
.PARAMETER Source
  The published folder (it holds dokanredirector.exe).
.PARAMETER StartAtLogon
  Also start the background service at logon, through a shortcut in the user's Startup folder.
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install.ps1 -Source .\publish -StartAtLogon
#>
param(
    [Parameter(Mandatory = $true)] [string] $Source,
    [switch] $StartAtLogon
)
$ErrorActionPreference = 'Stop'

function Fail([string] $message) {
    [Console]::Error.WriteLine("install.ps1: $message")
    exit 1
}

# A 32-bit PowerShell sees SysWOW64 in place of System32 and would not find the 64-bit dokan2.dll.
if (-not [Environment]::Is64BitProcess) { Fail 'Run this from 64-bit PowerShell.' }
$dokan = Join-Path ([Environment]::SystemDirectory) 'dokan2.dll'
if (-not (Test-Path -LiteralPath $dokan)) {
    Fail "The Dokan 2 driver is not installed ($dokan is missing). Install the Dokan 2 driver first: https://github.com/dokan-dev/dokany/releases"
}
$sourceExe = Join-Path $Source 'dokanredirector.exe'
if (-not (Test-Path -LiteralPath $sourceExe)) {
    Fail "$Source has no dokanredirector.exe; give the folder 'dotnet publish -r win-x64 --self-contained -o FOLDER' made."
}

$target = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'DokanRedirector'
$exe = Join-Path $target 'dokanredirector.exe'
# A running service holds its files open: stop it (it unmounts everything) before they are replaced.
if (Test-Path -LiteralPath $exe) { & $exe stop | Out-Null }
New-Item -ItemType Directory -Force -Path $target | Out-Null
Copy-Item -Path (Join-Path $Source '*') -Destination $target -Recurse -Force
Write-Host "Copied to $target"

# The user's PATH, through the registry: [Environment]::SetEnvironmentVariable would store it as REG_SZ with every
# %VARIABLE% in it expanded once and for all.
$key = [Microsoft.Win32.Registry]::CurrentUser.OpenSubKey('Environment', $true)
$path = [string]$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
$entries = @($path -split ';' | Where-Object { $_ -ne '' })
if ($entries -notcontains $target) {
    $key.SetValue('Path', (($entries + $target) -join ';'), [Microsoft.Win32.RegistryValueKind]::ExpandString)
    # Setting any user variable this way broadcasts WM_SETTINGCHANGE, so new windows see the new PATH.
    [Environment]::SetEnvironmentVariable('DOKANREDIRECTOR_PATH_CHANGED', $null, 'User')
    Write-Host "Added $target to your PATH (new windows see it)"
}
$key.Close()
$env:Path = "$env:Path;$target"

if ($StartAtLogon) {
    # `use` (the listing) starts the service as every command does: detached, hidden, logging to
    # %LOCALAPPDATA%\DokanRedirector\service.log. A shortcut to `serve` itself would keep a console window open.
    $shortcut = Join-Path ([Environment]::GetFolderPath('Startup')) 'DokanRedirector.lnk'
    $link = (New-Object -ComObject WScript.Shell).CreateShortcut($shortcut)
    $link.TargetPath = $exe
    $link.Arguments = 'use'
    $link.WorkingDirectory = $target
    $link.WindowStyle = 7 # minimized
    $link.Save()
    Write-Host "The service starts at logon ($shortcut)"
}
Write-Host 'Done. Try: dokanredirector use Z: \\server\share --user DOMAIN\name'
