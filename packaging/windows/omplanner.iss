; Inno Setup script: a per-user installer for the PyInstaller bundle in dist\omplanner.
; Compile on Windows after packaging\build.sh's PyInstaller step (see packaging/README.md):
;   iscc /DAppVersion=0.1.0 packaging\windows\omplanner.iss
; Per-user: no administrator rights, installs under %LOCALAPPDATA%\Programs, registers .omplan
; under HKCU only. Not compiled in CI (no Windows runner); check it by hand on each release.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C0E3E0B-4B57-4C1E-9E0A-0D5B0F3C2A71}
AppName=OM Planner
AppVersion={#AppVersion}
AppPublisher=OM Planner maintainers
DefaultDirName={autopf}\OM Planner
DefaultGroupName=OM Planner
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=OMPlanner-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\omplanner.exe
; Signing: define a sign tool named "signtool" in the Inno Setup IDE (Tools > Configure Sign
; Tools) or pass /Ssigntool=... to iscc; the installer and uninstaller are then signed.
#ifdef SignTool
SignTool=signtool
SignedUninstaller=yes
#endif

[Files]
Source: "..\..\dist\omplanner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\OM Planner"; Filename: "{app}\omplanner.exe"
Name: "{autodesktop}\OM Planner"; Filename: "{app}\omplanner.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; The .omplan file type, for this user only (HKA is HKCU in a per-user install).
Root: HKA; Subkey: "Software\Classes\.omplan"; ValueType: string; ValueName: ""; ValueData: "OMPlanner.Plan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\OMPlanner.Plan"; ValueType: string; ValueName: ""; ValueData: "OM Planner plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\OMPlanner.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\omplanner.exe,0"
Root: HKA; Subkey: "Software\Classes\OMPlanner.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\omplanner.exe"" ""%1"""

[Run]
Filename: "{app}\omplanner.exe"; Description: "{cm:LaunchProgram,OM Planner}"; Flags: nowait postinstall skipifsilent
