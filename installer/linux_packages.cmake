# CPack settings of the Linux packages: one .deb, .rpm and .tar.gz per
# component. Included by packaging.cmake.
set(CPACK_GENERATOR "DEB;RPM;TGZ")
set(CPACK_COMPONENTS_ALL server sim console)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
# Every package, tarball included, holds the tree as installed under /
# (usr/bin, etc/mccig, ...), so /etc/mccig stays /etc/mccig.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
# Debug information stays in the build tree.
set(CPACK_STRIP_FILES ON)

set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "MCC-IG server")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "mccig-server: the HTTP ingest API, admin API and worker of the MCC-IG gateway, with its systemd unit.")
set(CPACK_COMPONENT_SIM_DISPLAY_NAME "MCC-IG traffic simulator")
set(CPACK_COMPONENT_SIM_DESCRIPTION
    "mccig-sim: drives realistic SMS, chat and voice traffic through an MCC-IG server and verifies the outcomes.")
set(CPACK_COMPONENT_CONSOLE_DISPLAY_NAME "MCC-IG console")
set(CPACK_COMPONENT_CONSOLE_DESCRIPTION
    "mccig-console: the Qt desktop console to watch, test and operate an MCC-IG server.")

# Debian
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME "mccig-server")
set(CPACK_DEBIAN_SIM_PACKAGE_NAME "mccig-sim")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME "mccig-console")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION "utils")
# systemd-sysusers creates the mccig user: from systemd, or standalone where
# systemd is absent (containers, chroots).
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "systemd-standalone-sysusers | systemd-sysusers")
# The embedded backend is the default: Redis and PostgreSQL only when scaling out.
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "redis-server, postgresql, mccig-console, mccig-sim")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/debian/conffiles ${CMAKE_CURRENT_LIST_DIR}/debian/postinst
    ${CMAKE_CURRENT_LIST_DIR}/debian/postrm)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The window icon is an SVG; the platform plugins beyond xcb (Wayland) are
# separate; the local gateway runs mccig-server.
set(CPACK_DEBIAN_CONSOLE_PACKAGE_RECOMMENDS "mccig-server, qt6-svg-plugins, qt6-qpa-plugins, qt6-translations-l10n")

# RPM (built here with Debian's rpm package; dependencies come from rpm's own scan)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "Apache-2.0")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_SERVER_PACKAGE_NAME "mccig-server")
set(CPACK_RPM_SIM_PACKAGE_NAME "mccig-sim")
set(CPACK_RPM_CONSOLE_PACKAGE_NAME "mccig-console")
set(CPACK_RPM_SERVER_USER_FILELIST "%config(noreplace) %attr(0640,root,root) /etc/mccig/mccig-server.env")
set(CPACK_RPM_SERVER_POST_INSTALL_SCRIPT_FILE ${CMAKE_CURRENT_LIST_DIR}/rpm/post-install.sh)
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /etc /usr/lib/systemd /usr/lib/systemd/system /usr/lib/sysusers.d /usr/share/applications /usr/share/metainfo
    /usr/share/icons /usr/share/icons/hicolor)

# Tarballs named like the packages: mccig-server-0.1.0-Linux.tar.gz, ...
foreach(component server sim console)
  string(TOUPPER ${component} upper)
  set(CPACK_ARCHIVE_${upper}_FILE_NAME "mccig-${component}-${PROJECT_VERSION}-Linux")
endforeach()
