#!/usr/bin/env bash
# Builds the frozen Linux bundle and its .deb, and smoke-tests both.
#
#   bash installers/build_linux.sh
#
# 1. PyInstaller one-folder bundle from installers/pyinstaller/jiafang.spec -> installers/dist/jiafang/
# 2. `jiafang selftest` of the frozen app under QT_QPA_PLATFORM=offscreen, in a clean environment and
#    outside the repository; any stderr output fails the build
# 3. the frozen app opens a store made by the first release (schema v1): migrated, data intact
# 4. bundle size (target under 150 MB; fails above JIAFANG_MAX_BUNDLE_MB, default 200)
# 5. installers/dist/jiafang_<version>_<arch>.deb: /opt/jiafang, /usr/bin/jiafang, desktop entry, icons;
#    checked with dpkg-deb --info/--contents, unpacked and run; installed for real and run as
#    /usr/bin/jiafang when JIAFANG_DEB_INSTALL=1 (default under CI=true as root), then removed again.
# Work files go to installers/build/, results to installers/dist/ (both ignored by git).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="${JIAFANG_VENV:-$repo/.venv}"
build="$repo/installers/build"
dist="$repo/installers/dist"
start=$(date +%s)
step() { echo "== $* ($(($(date +%s) - start)) s)"; }
fail() { echo "build_linux.sh: $*" >&2; exit 1; }

step "environment"
# JIAFANG_SKIP_SETUP=1: use the venv as it is (a managed development venv), as long as it has JiaFang.
[[ "${JIAFANG_SKIP_SETUP:-}" == 1 ]] || bash "$repo/installers/dev/setup-env.sh"
py="$venv/bin/python"
if ! "$py" -c "import PyInstaller" 2>/dev/null; then
    "$py" -m pip install -q -e "$repo[build]"
fi
command -v dpkg-deb >/dev/null || fail "dpkg-deb is needed (Debian/Ubuntu)"
mkdir -p "$build" "$dist"

step "translations and icons"
"$py" - "$repo" <<'PY'
import sys
from pathlib import Path

from desktop.ui.shell.translations import TRANSLATIONS_DIR, ensure_qm_files

built = {p.name for p in ensure_qm_files(TRANSLATIONS_DIR)}
missing = {"jiafang_zh_CN.qm", "jiafang_en.qm"} - built
if missing:
    sys.exit(f"translations not built: {sorted(missing)} (PySide6's lrelease missing?)")
PY
QT_QPA_PLATFORM=offscreen "$py" "$repo/installers/render_icons.py" "$build/icons"

step "PyInstaller"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN \
    --workpath "$build/pyinstaller" --distpath "$dist" "$repo/installers/pyinstaller/jiafang.spec" \
    >"$build/pyinstaller.log" 2>&1 || { tail -40 "$build/pyinstaller.log" >&2; fail "PyInstaller failed"; }
grep '^jiafang.spec:' "$build/pyinstaller.log" | cut -c1-160 || true
bundle="$dist/jiafang"
[[ -x "$bundle/jiafang" ]] || fail "no $bundle/jiafang"

# Run a frozen program in a clean environment, outside the repository, with no display; stderr must be
# empty (a Qt plugin that fails to load, a missing module or a font warning all print there).
smoke_home="$build/smoke-home"
run_clean() {
    local program=$1
    shift
    rm -rf "$smoke_home" && mkdir -p -m 0700 "$smoke_home"
    (cd "$smoke_home" && env -i HOME="$smoke_home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$smoke_home" JIAFANG_DATA_DIR="$smoke_home/data" \
        ${JIAFANG_PASSPHRASE:+JIAFANG_PASSPHRASE="$JIAFANG_PASSPHRASE"} \
        "$program" "$@" 2>"$build/smoke.stderr")
}
check_stderr() {
    if [[ -s "$build/smoke.stderr" ]]; then
        echo "--- unexpected stderr:" >&2
        cat "$build/smoke.stderr" >&2
        fail "$1 wrote to stderr"
    fi
}
selftest() {  # selftest PROGRAM LABEL
    run_clean "$1" selftest --expect-shipped-font | tee "$build/selftest.out" \
        || { cat "$build/smoke.stderr" >&2; fail "selftest of $2 failed"; }
    check_stderr "selftest of $2"
    run_clean "$1" selftest --json --expect-shipped-font >"$build/selftest.json"
    "$py" - "$build/selftest.json" "$3" <<'PY'
import json
import sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
checks = {c["name"]: c for c in report["checks"]}
root = sys.argv[2]
assert report["ok"], report
# The frozen app uses what it ships, not the build machine's checkout.
assert checks["translations"]["folder"].startswith(root), checks["translations"]["folder"]
# Its shipped font is used: for the body when the machine has no Song/Ming serif, else for the headings.
pdf = checks["pdf"]
assert any(
    pdf[path].startswith(root) and pdf[origin] == "app"
    for path, origin in (("font", "font_origin"), ("heading_font", "heading_origin"))
), pdf
assert checks["gui"]["platform"] == "offscreen"
PY
}

step "selftest of the frozen bundle"
selftest "$bundle/jiafang" "the bundle" "$bundle"

step "the frozen app opens a store made by the first release"
old_store="$build/old-store"
rm -rf "$old_store"
(cd "$repo" && "$py" -m tests.installers.old_store "$old_store" --version 1 >/dev/null)
passphrase=$(cd "$repo" && "$py" -c "from tests.installers.old_store import OLD_STORE_PASSPHRASE as p; print(p)")
JIAFANG_PASSPHRASE="$passphrase" run_clean "$bundle/jiafang" --data-dir "$old_store" info --json >"$build/old-store.json"
check_stderr "jiafang info on the old store"
"$py" - "$build/old-store.json" "$old_store" <<'PY'
import json
import sys
from pathlib import Path

from desktop.store.migrations import LATEST_VERSION

info = json.load(open(sys.argv[1], encoding="utf-8"))
assert info["schema_version"] == LATEST_VERSION, info
assert info["counts"]["student"] == 2 and info["counts"]["home_visit"] == 1, info["counts"]
backups = [p.name for p in (Path(sys.argv[2]) / "backups").iterdir()]
assert any("pre-migration-v1" in name for name in backups), backups
print(f"v1 store migrated to v{LATEST_VERSION}: {info['counts']['student']} students, backup {len(backups)} file(s)")
PY

step "bundle size"
bytes=$(du -sb "$bundle" | cut -f1)
mb=$((bytes / 1000000))
echo "bundle: $mb MB ($(du -sh "$bundle" | cut -f1)B on disk), $(find "$bundle" -type f | wc -l) files; target under 150 MB"
echo "largest parts:"
# awk reads the whole list (head would close the pipe early: sort then dies of SIGPIPE under pipefail)
du -sb "$bundle"/_internal/* "$bundle/jiafang" | sort -rn \
    | awk 'NR <= 8 {printf "  %6.1f MB  %s\n", $1 / 1000000, $2}' | sed "s|$bundle/||"
((mb <= ${JIAFANG_MAX_BUNDLE_MB:-200})) || fail "bundle is $mb MB, over ${JIAFANG_MAX_BUNDLE_MB:-200} MB"

step ".deb"
version=$("$py" -c "import tomllib; print(tomllib.load(open('$repo/pyproject.toml', 'rb'))['project']['version'])")
arch=$(dpkg --print-architecture)
root="$build/deb/root"
rm -rf "$build/deb" && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/doc/jiafang"
cp -a "$bundle" "$root/opt/jiafang"
ln -s /opt/jiafang/jiafang "$root/usr/bin/jiafang"
install -D -m 0644 "$build/icons/jiafang.svg" "$root/usr/share/icons/hicolor/scalable/apps/jiafang.svg"
for size in 16 24 32 48 64 128 256 512; do
    install -D -m 0644 "$build/icons/jiafang-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/jiafang.png"
done
cat >"$root/usr/share/applications/jiafang.desktop" <<'EOF'
[Desktop Entry]
Type=Application
Version=1.5
Name=JiaFang
Name[zh_CN]=家访
GenericName=Home visit records
GenericName[zh_CN]=家访记录
Comment=Home visits and growth archives of students from families in economic difficulty
Comment[zh_CN]=家庭经济困难学生的家访记录与资助成长档案
Exec=/opt/jiafang/jiafang gui
Icon=jiafang
Terminal=false
Categories=Office;Education;
Keywords=jiafang;home visit;student aid;家访;资助;
StartupWMClass=jiafang
EOF
cat >"$root/usr/share/doc/jiafang/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: JiaFang

Files: *
License: Apache-2.0
 On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.

Files: opt/jiafang/_internal/resources/fonts/*
Comment: the CJK font shipped for PDF forms; its licence and copyright are in the
 *-LICENSE.txt file next to it.

Files: opt/jiafang/_internal/*
Comment: bundled Python, Qt (LGPL-3.0, PySide6), SQLCipher (BSD), ReportLab (BSD) and other
 libraries, each under its own licence; see the *.dist-info folders.
EOF
# Libraries the bundle leaves to the system (LINUX_BASE_LIBRARIES in the spec), plus what Qt's xcb
# platform plugin needs that a minimal desktop may lack.
glibc=$(dpkg-query -W -f='${Version}' libc6 | cut -d- -f1)
DEB_DEPENDS="libc6 (>= $glibc), libstdc++6, libgl1, libegl1, libfontconfig1, libfreetype6, libexpat1, libpng16-16, zlib1g, \
libbz2-1.0, liblzma5, liblz4-1, libzstd1, libglib2.0-0, libpcre2-8-0, libdbus-1-3, libsystemd0, libgcrypt20, \
libgpg-error0, libcap2, libuuid1, libbsd0, libmd0, libtinfo6, libx11-6, libx11-xcb1, libxau6, libxdmcp6, libxcb1, \
libxcb-render0, libxcb-shm0, libxcb-shape0, libxcb-randr0, libxcb-xfixes0, libxcb-sync1, libxcb-xkb1, libxcb-glx0, \
libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-util1, \
libxkbcommon0, libxkbcommon-x11-0, libcups2"
cat >"$root/DEBIAN/control" <<EOF
Package: jiafang
Version: $version
Architecture: $arch
Maintainer: JiaFang maintainers <jiafang@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $DEB_DEPENDS
Recommends: fonts-arphic-uming, fonts-wqy-microhei, gnome-keyring | kwalletmanager
Section: education
Priority: optional
Homepage: https://localhost/jiafang
Description: offline-first home-visit records for university counselors (家访)
 JiaFang keeps student profiles, home-visit notes and growth archives in an
 encrypted local store (SQLCipher), prints the visit forms as PDF and syncs
 with the college's center when online. Data lives in each user's
 ~/.local/share/JiaFang and survives upgrades and removal of this package.
EOF
cat >"$root/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -f /usr/share/icons/hicolor || true
fi
exit 0
EOF
cp "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
deb="$dist/jiafang_${version}_${arch}.deb"
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz -z6 --build "$root" "$deb" >/dev/null
echo "package: $deb ($(($(stat -c %s "$deb") / 1000000)) MB)"

step "checking the .deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
dpkg-deb --contents "$deb" >"$build/deb-contents.txt"
for path in ./opt/jiafang/jiafang ./usr/bin/jiafang ./usr/share/applications/jiafang.desktop \
    ./usr/share/icons/hicolor/scalable/apps/jiafang.svg ./opt/jiafang/_internal/resources/translations/jiafang_zh_CN.qm; do
    grep -q " $path\( \|$\)" "$build/deb-contents.txt" || fail "the .deb lacks $path"
done
grep -q "resources/fonts/.*LICENSE" "$build/deb-contents.txt" || fail "the .deb lacks the font licence"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/jiafang.desktop"
fi
unpacked="$build/deb/unpacked"
rm -rf "$unpacked" && dpkg-deb -x "$deb" "$unpacked"
selftest "$unpacked/opt/jiafang/jiafang" "the unpacked .deb" "$unpacked/opt/jiafang"

install_test=${JIAFANG_DEB_INSTALL:-}
if [[ -z "$install_test" && "${CI:-}" == true && $(id -u) == 0 ]]; then install_test=1; fi
if [[ "$install_test" == 1 ]]; then
    step "installing the .deb"
    [[ -n "${JIAFANG_APT_UPDATED:-}" ]] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
    selftest /usr/bin/jiafang "the installed package" /opt/jiafang
    if command -v xvfb-run >/dev/null; then
        # The X11 platform plugin with the system libraries the package depends on, on a virtual display.
        xvfb-run -a env QT_QPA_PLATFORM=xcb /usr/bin/jiafang selftest --json >"$build/selftest-xcb.json" \
            2>"$build/smoke.stderr" || { cat "$build/smoke.stderr" >&2; fail "selftest on X11 (xcb) failed"; }
        grep -q '"platform": "xcb"' "$build/selftest-xcb.json" || fail "selftest on X11 did not use xcb"
        echo "selftest on a virtual X11 display (xcb): passed"
    fi
    dpkg -r jiafang >/dev/null
    [[ ! -e /opt/jiafang/jiafang ]] || fail "dpkg -r left /opt/jiafang behind"
else
    echo "(set JIAFANG_DEB_INSTALL=1 to also install the package with apt-get and run /usr/bin/jiafang selftest)"
fi

step "done: bundle $mb MB, $(basename "$deb")"
