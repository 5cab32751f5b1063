; Inno Setup 6 script of the JiaFang desktop app for Windows: a per-user install without admin rights.
;
;   pyinstaller --noconfirm --workpath installers\build\pyinstaller --distpath installers\dist installers\pyinstaller\jiafang.spec
;   iscc /DAppVersion=0.1.0 installers\windows\jiafang.iss
;
; -> installers\dist\JiaFang-Setup-<version>.exe.  See docs/installers.md (not built on Linux CI).
;
; Installs into %LOCALAPPDATA%\Programs\JiaFang; the user's data lives elsewhere
; (%LOCALAPPDATA%\JiaFang, see README "Where data lives"), so upgrading replaces the program and never
; touches the data, and uninstalling leaves the data in place.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\dist\jiafang"
#endif
#ifndef IconFile
  #define IconFile "..\build\icons\jiafang.ico"
#endif
; Simplified Chinese is an unofficial Inno Setup translation: put ChineseSimplified.isl (from
; https://jrsoftware.org/files/istrans/) into Inno Setup's Languages folder, or pass /DChineseIsl=path.
#ifndef ChineseIsl
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#endif

[Setup]
; The AppId identifies the app across versions: never change it, or upgrades install side by side.
AppId={{6F1C2B7E-4A58-4D8B-9C3E-2E5A7D0B9F41}
AppName=JiaFang
AppVerName=JiaFang {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=JiaFang
VersionInfoVersion={#AppVersion}
VersionInfoProductName=JiaFang 家访
DefaultDirName={localappdata}\Programs\JiaFang
DefaultGroupName=JiaFang
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=JiaFang-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\JiaFang.exe
UninstallDisplayName=JiaFang 家访
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; An upgrade while the app is open: ask to close it (Restart Manager; the store is saved on close).
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.LaunchApp=启动 JiaFang 家访
english.LaunchApp=Start JiaFang
chinesesimplified.SelftestName=JiaFang 自检
english.SelftestName=JiaFang self-test

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder: no module of the previous version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\JiaFang 家访"; Filename: "{app}\JiaFang.exe"; WorkingDir: "{app}"
Name: "{userprograms}\{cm:SelftestName}"; Filename: "{cmd}"; Parameters: "/k ""{app}\jiafang.exe"" selftest"; WorkingDir: "{app}"
Name: "{userdesktop}\JiaFang 家访"; Filename: "{app}\JiaFang.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\JiaFang.exe"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: the data in %LOCALAPPDATA%\JiaFang stays (remove it by hand to erase it).
Type: filesandordirs; Name: "{app}\_internal"
