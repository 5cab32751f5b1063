#!/usr/bin/env bash
# Builds JiaFang.app and JiaFang-<version>.dmg on macOS (11 or newer, Xcode command-line tools).
#
#   bash installers/macos/build_macos.sh
#
# The same PyInstaller spec as Linux and Windows; on macOS it adds the .app BUNDLE (Info.plist keys are
# in the spec).  Smoke-tests the app's `jiafang selftest` under QT_QPA_PLATFORM=offscreen, signs it
# (ad hoc, or with a Developer ID given in JIAFANG_CODESIGN_IDENTITY), then packs a compressed .dmg with
# an Applications link.  Not run on the Linux CI: see docs/installers.md.
set -euo pipefail
[[ "$(uname)" == Darwin ]] || { echo "build_macos.sh runs on macOS" >&2; exit 1; }
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
venv="${JIAFANG_VENV:-$repo/.venv}"
build="$repo/installers/build"
dist="$repo/installers/dist"
start=$(date +%s)

[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q -e "$repo[desktop,build]"
py="$venv/bin/python"
mkdir -p "$build" "$dist"

"$py" -c "
from desktop.ui.shell.translations import TRANSLATIONS_DIR, ensure_qm_files
names = {p.name for p in ensure_qm_files(TRANSLATIONS_DIR)}
assert {'jiafang_zh_CN.qm', 'jiafang_en.qm'} <= names, names
"
QT_QPA_PLATFORM=offscreen "$py" "$repo/installers/render_icons.py" "$build/icons"

# No CJK font is shipped by default: macOS has STHeiti (TrueType), which the PDFs embed.  To ship one,
# set JIAFANG_BUNDLE_FONT and JIAFANG_BUNDLE_FONT_LICENSE (see the spec).
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --workpath "$build/pyinstaller" --distpath "$dist" \
    "$repo/installers/pyinstaller/jiafang.spec"
app="$dist/JiaFang.app"
[[ -d "$app" ]] || { echo "no $app" >&2; exit 1; }

selftest_args=(selftest)
[[ -n "${JIAFANG_BUNDLE_FONT:-}" && "${JIAFANG_BUNDLE_FONT}" != none ]] && selftest_args+=(--expect-shipped-font)
err=$(mktemp)
(cd /tmp && QT_QPA_PLATFORM=offscreen JIAFANG_DATA_DIR="$(mktemp -d)" "$app/Contents/MacOS/jiafang" "${selftest_args[@]}" 2>"$err")
if [[ -s "$err" ]]; then cat "$err" >&2; echo "selftest wrote to stderr" >&2; exit 1; fi

identity="${JIAFANG_CODESIGN_IDENTITY:--}"   # "-" = ad hoc; a Developer ID for distribution
if [[ "$identity" == - ]]; then
    codesign --force --deep --sign - "$app"
else
    # Notarization needs the hardened runtime; cffi/ctypes callbacks need writable-executable memory.
    codesign --force --deep --timestamp --options runtime \
        --entitlements "$repo/installers/macos/entitlements.plist" --sign "$identity" "$app"
fi
codesign --verify --deep --strict "$app"

version=$("$py" -c "import tomllib; print(tomllib.load(open('$repo/pyproject.toml', 'rb'))['project']['version'])")
stage="$build/dmg"
rm -rf "$stage" && mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="$dist/JiaFang-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "JiaFang $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
echo "app: $(du -sh "$app" | cut -f1)  dmg: $(du -sh "$dmg" | cut -f1)  ($(($(date +%s) - start)) s)"
# Distribution outside the App Store also needs notarization (Developer ID + Apple ID), e.g.:
#   xcrun notarytool submit "$dmg" --keychain-profile jiafang --wait && xcrun stapler staple "$dmg"
