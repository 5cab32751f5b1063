#!/usr/bin/env bash
# Shared by tests/run and installers/dev/demo: make sure .venv exists with JiaFang and its dev tools,
# and (as root with apt-get) the Debian packages the tests and PDFs use. Safe to run again.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
venv="${JIAFANG_VENV:-$repo/.venv}"

py=${PYTHON:-python3}
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "JiaFang needs Python 3.11 or newer (found: $("$py" --version 2>&1))." >&2
    exit 1
fi

# PDF tools and the Adobe-GB1 data pdffonts/pdftotext need for the STSong fallback; the Chinese font;
# the Qt xcb platform plugin's runtime libraries (as the .deb's Depends); Xvfb and a window manager for
# docs/take_screenshots.py.
debs=(fonts-wqy-microhei fonts-arphic-uming poppler-utils poppler-data qpdf
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libx11-xcb1
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
    libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libxcb-util1
    xvfb xauth openbox)
missing=()
for deb in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
done
if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "Installing Debian packages: ${missing[*]}"
        if [[ -z "${JIAFANG_APT_UPDATED:-}" ]]; then apt-get update -qq; fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "Note: please install these Debian/Ubuntu packages (PDF tests, fonts, the Qt window and screenshots use them): ${missing[*]}" >&2
    fi
fi

stamp="$venv/.jiafang-installed"
if [[ ! -x "$venv/bin/python" ]]; then
    "$py" -m venv "$venv"
fi
if [[ ! -f "$stamp" || "$repo/pyproject.toml" -nt "$stamp" ]]; then
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e "$repo[dev]"
    touch "$stamp"
fi
