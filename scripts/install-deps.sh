#!/usr/bin/env bash
# Installs the Debian 12 packages Hexmap needs to build, test and run. Idempotent; uses sudo when not root.
set -euo pipefail
packages=(
    build-essential cmake ninja-build ccache pkg-config dpkg-dev
    qt6-base-dev qt6-base-dev-tools libqt6svg6 qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    clang libclang-rt-14-dev
    xvfb xauth xxd fonts-dejavu-core
    fonts-wqy-microhei # a CJK font with Latin glyphs: the zh_CN translation and its screenshots (issue 19)
    qt6-translations-l10n # Qt's own strings (dialog buttons such as Cancel) in zh_CN, as the .deb recommends
    fdisk # sfdisk: the device tests write a GPT of three partitions into an image (issue 18)
    e2fsprogs mount # the full-disk tests mount a small ext4 image (mkfs.ext4, mount -o loop)
    libssl-dev zlib1g-dev libxxhash-dev # the scan engine's hashes: OpenSSL EVP, zlib, XXH3 (issue 16)
    xxhash python3 # xxhsum and python3 (hashlib, zlib): the tests' references for the hashes and statistics
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
