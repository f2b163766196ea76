# `cpack -G DEB` (or TGZ): a Debian package of everything `cmake --install` installs. Runtime dependencies come
# from dpkg-shlibdeps (package dpkg-dev) reading the binaries, so they are exactly Debian's Qt 6 library
# packages; the plugins Qt loads at run time (platforms, SVG icon engine) are added by name.
set(CPACK_PACKAGE_NAME hexmap)
set(CPACK_PACKAGE_VENDOR "Hexmap")
set(CPACK_PACKAGE_CONTACT "Hexmap developers <hexmap@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY hexmap)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # hexmap_VERSION-REVISION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION editors)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON) # also libssl3, zlib1g, libxxhash0 (the scan engine's hashes, issue 16)
if(HEXMAP_BUILD_GUI)
    # libqt6svg6 holds the SVG icon engine (the window icon); qt6-qpa-plugins the xcb/wayland platforms.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
    # fonts-wqy-microhei: Chinese text (the zh_CN translation) where no CJK font is installed (issue 19).
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, qt6-translations-l10n, fonts-wqy-microhei")
endif()
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PROJECT_DESCRIPTION}
 Hexmap opens files of any size (up to many TiB, sparse or not) instantly through a
 memory-mapped engine, shows them as hex and text, edits them with undo, and runs
 fill/zero/pattern/sync jobs over large ranges on several threads while drawing
 what each worker writes. Includes the hexmap GUI and the hexmap-cli tool.")
include(CPack)
