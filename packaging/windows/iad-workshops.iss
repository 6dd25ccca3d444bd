; Inno Setup script: installs the folder built by `make dist` for the current user only.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\iad-workshops.iss
;
; No administrator rights: the program goes to %LOCALAPPDATA%\Programs\IAD Online Workshops,
; the Start-menu entries to the user's own Start menu. The uninstaller removes only what
; this setup installed; the officer's database, backups and settings live elsewhere
; (%LOCALAPPDATA%\IAD\iad-workshops) and stay. See docs/install.md.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z packaging\windows\iad-workshops.iss
#endif

#define AppName "IAD Online Workshops"
#define AppExe "iad-workshops.exe"
#define DistDir "..\..\dist\iad-workshops"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6B0F4C2E-8D3A-4F61-9C57-2E1A0B7D9F34}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=International Affairs Division
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=iad-workshops-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
; An upgrade closes a running copy first, so no file is left half-replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's program files: a file that a new version no longer ships must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
; A console in the program's folder, for iad-workshops-cli (backups, exports, demo data).
Name: "{autoprograms}\{#AppName} command line"; Filename: "{cmd}"; Parameters: "/k iad-workshops-cli --help"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the database and its backups are the officer's
; work, and uninstalling (or upgrading) the program never touches them.
