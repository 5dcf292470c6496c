; Inno Setup script: installs the one-folder build dist\clinic-intake for every user of the PC.
; Built by .github/workflows/windows.yml:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\clinic-intake packaging\windows\clinic-intake.iss
; - per machine: C:\Program Files\Clinic Intake (administrator rights, asked once);
; - a Start-menu entry that starts the windowed executable (no console window);
; - an uninstaller (Settings > Apps, and the Start menu);
; - the data folder is never touched: each person's %LOCALAPPDATA%\clinic-intake (the
;   embedded database, settings.toml, logs, journal, backups) stays through uninstall and
;   upgrade; a shared PostgreSQL database lives on the server anyway.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\clinic-intake"
#endif

[Setup]
; The AppId ties upgrades and the uninstaller to this program: never change it.
AppId={{6F0C2A57-3E1B-4C8E-9D2A-1C1A7A7E0C18}
AppName=Clinic Intake
AppVersion={#AppVersion}
AppVerName=Clinic Intake {#AppVersion}
AppPublisher=Clinic Intake
DefaultDirName={autopf}\Clinic Intake
DefaultGroupName=Clinic Intake
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=clinic-intake-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Clinic Intake {#AppVersion}
UninstallDisplayIcon={app}\clinic-intake-window.exe
; A running program would keep its files locked: ask to close it first.
CloseApplications=yes
RestartApplications=no

[Files]
; Everything of the build; an upgrade replaces it whole (no stale files of an older version).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Clinic Intake"; Filename: "{app}\clinic-intake-window.exe"; WorkingDir: "{userdocs}"; Comment: "Patient intake, screening and scheduling"
Name: "{autoprograms}\Clinic Intake (demo practice)"; Filename: "{app}\clinic-intake-window.exe"; Parameters: "--demo"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\Uninstall Clinic Intake"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\clinic-intake-window.exe"; Description: "Start Clinic Intake"; Flags: nowait postinstall skipifsilent unchecked

[UninstallDelete]
; Only what the installer put in {app}; the data folders under each user's profile stay.
Type: filesandordirs; Name: "{app}\_internal"
