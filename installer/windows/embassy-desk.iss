; Inno Setup 6 script of the Embassy Desk Windows installer (Inno Setup 6.3 or later: x64compatible).
;
; Build the bundle first (dist\embassy-desk, see installer\README.md), then from the repository root:
;
;   iscc /DAppVersion=0.10.0 installer\windows\embassy-desk.iss
;
; which writes dist\embassy-desk-0.10.0-setup.exe. AppVersion is required; pass the version of
; pyproject.toml ([project] version), the one source of the version.
;
; Silent install for IT departments (per machine, run as administrator):
;
;   embassy-desk-0.10.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /DIR="C:\Program Files\Embassy Desk"
;   (add /LOG="C:\Temp\embassy-desk-setup.log" to keep a log; /NOICONS skips the Start-menu folder)
;
; and silent uninstall:
;
;   "C:\Program Files\Embassy Desk\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; Data: the workstation (encrypted database, backups, logs) lives in each user's own data folder,
; %LOCALAPPDATA%\EmbassyDesk (platformdirs.user_data_dir("EmbassyDesk", appauthor=False)), or wherever the post chose with
; --data-dir / EMBASSY_DESK_DATA_DIR. The installer never writes there and the uninstaller never deletes
; it: there is deliberately no [UninstallDelete] section, so uninstalling or upgrading keeps every record.
; An upgrade is the new setup run over the old one (same AppId): it replaces the program files only.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\windows\embassy-desk.iss
#endif

#define AppName "Embassy Desk"
#define AppExe "embassy-desk.exe"
#define Bundle "..\..\dist\embassy-desk"

[Setup]
; Never change AppId: Windows finds the installed copy to upgrade or uninstall by it.
AppId={{6B1E3C52-8F1D-4C7A-9B8E-3D5A2E7C9F41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Embassy Desk
AppComments=Offline-first consular registry for embassies
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} setup
VersionInfoCompany=Embassy Desk
VersionInfoCopyright=Embassy Desk
; Per-machine install into Program Files (64-bit), administrator rights required.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
SetupIconFile=..\..\resources\icons\embassy-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=embassy-desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Embassy Desk before replacing its files, and start nothing again by itself.
CloseApplications=yes
RestartApplications=no
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's program files only (a clean upgrade); never anything outside {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole PyInstaller bundle: embassy-desk.exe (window; also runs commands), embassy-desk-cli.exe
; (console twin for scripts) and _internal\ (Python, Qt, SQLCipher, fonts, notices, translations).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Consular registry"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Offered at the end of an interactive install; skipped by /VERYSILENT.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the data folder (see the top of this file) is never removed by the uninstaller.
