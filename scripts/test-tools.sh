#!/usr/bin/env bash
# The real clients the test suite reads our files with, and the Debian/Ubuntu packages that
# hold them. Installs the missing ones when this user may (root, or sudo without a password);
# otherwise says which to install and leaves the failure to the suite's global setup, which
# names them once.
set -uo pipefail

declare -A PACKAGE=(
  [pdftotext]=poppler-utils [pdfinfo]=poppler-utils [pdffonts]=poppler-utils
  [pdftoppm]=poppler-utils [pdfsig]=poppler-utils
  [qpdf]=qpdf
  [soffice]=libreoffice-writer-nogui
  [xmllint]=libxml2-utils
  [script]=bsdutils
  [fc-list]=fontconfig
)

missing=()
for tool in "${!PACKAGE[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${PACKAGE[$tool]}")
done
# LibreOffice renders the DOCX with the CJK fonts Word users have; Noto CJK stands in for them.
# (The font list is read whole first: `fc-list | grep -q` fails under pipefail when grep stops early.)
if command -v fc-list >/dev/null 2>&1 && ! grep -q 'Noto Serif CJK' <<<"$(fc-list 2>/dev/null)"; then
  missing+=(fonts-noto-cjk)
fi
# The font tests embed a TrueType font (DejaVu Sans) and faces of the Noto CJK collections.
if command -v fc-list >/dev/null 2>&1 && ! grep -q 'DejaVu Sans' <<<"$(fc-list 2>/dev/null)"; then
  missing+=(fonts-dejavu-core)
fi
[ "${#missing[@]}" -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test tools missing, install: ${missing[*]} (Debian/Ubuntu package names)" >&2
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "test tools missing, install as root: apt-get install -y ${missing[*]}" >&2
    exit 0
  fi
fi
echo "installing the test tools: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null &&
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
  echo "could not install ${missing[*]}; the tests that need them will say so" >&2
exit 0
