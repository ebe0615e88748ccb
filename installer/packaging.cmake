# Installation layout and CPack. Targets install themselves where they are
# defined (components server, sim, console); this file adds the service and
# desktop files and the package metadata.
#   Linux:   three packages from one build, each as .deb, .rpm and .tar.gz:
#            mccig-server (server, unit, sysusers.d, env file; no Qt),
#            mccig-sim (the traffic simulator; no Qt), mccig-console (Qt).
#   Windows: NSIS installer and ZIP of the console, Qt deployed beside it.
#   macOS:   DragNDrop .dmg of the console's app bundle, Qt deployed inside.
include(GNUInstallDirs)

# The date of PROJECT_VERSION's release, for the AppStream release entry.
set(MCCIG_RELEASE_DATE 2026-11-28)

set(MCCIG_LINUX_DIR ${CMAKE_CURRENT_LIST_DIR}/linux)
set(MCCIG_ICON_DIR ${PROJECT_SOURCE_DIR}/resources/desktop/icons)

if(UNIX AND NOT APPLE)
  if(TARGET mccig-server)
    # Absolute /etc: packages install under /usr, and /usr/etc is read by nothing.
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/mccig-server.env
            DESTINATION /etc/mccig PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT server)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/mccig-server.service
            DESTINATION lib/systemd/system COMPONENT server)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/mccig.sysusers
            DESTINATION lib/sysusers.d RENAME mccig.conf COMPONENT server)
    install(FILES ${PROJECT_SOURCE_DIR}/docs/api.md ${PROJECT_SOURCE_DIR}/docs/redis-keys.md
                  ${PROJECT_SOURCE_DIR}/docs/install-linux.md
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/mccig-server COMPONENT server)
  endif()
  if(TARGET mccig-console)
    install(FILES ${MCCIG_LINUX_DIR}/org.mccig.Console.desktop
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications COMPONENT console)
    configure_file(${MCCIG_LINUX_DIR}/org.mccig.Console.metainfo.xml.in
                   ${PROJECT_BINARY_DIR}/installer/org.mccig.Console.metainfo.xml @ONLY)
    install(FILES ${PROJECT_BINARY_DIR}/installer/org.mccig.Console.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo COMPONENT console)
    install(DIRECTORY ${MCCIG_ICON_DIR}/hicolor
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons COMPONENT console)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/mccig.svg
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps
            RENAME org.mccig.Console.svg COMPONENT console)
  endif()
  # Debian wants the licence as /usr/share/doc/PACKAGE/copyright.
  foreach(component server sim console)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/mccig-${component}
            RENAME copyright COMPONENT ${component})
  endforeach()
endif()

if((WIN32 OR APPLE) AND TARGET mccig-console)
  include(${CMAKE_CURRENT_LIST_DIR}/console_bundle.cmake)
endif()

set(CPACK_PACKAGE_NAME "mccig")
set(CPACK_PACKAGE_VENDOR "MCC-IG")
set(CPACK_PACKAGE_CONTACT "MCC-IG maintainers <maintainers@mccig.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "MCC-IG")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://mccig.invalid/")

if(WIN32)
  set(CPACK_GENERATOR "NSIS;ZIP")
  set(CPACK_PACKAGE_FILE_NAME "mccig-console-${PROJECT_VERSION}-windows-x64")
  set(CPACK_NSIS_DISPLAY_NAME "MCC-IG Console")
  set(CPACK_NSIS_PACKAGE_NAME "MCC-IG Console")
  set(CPACK_NSIS_MUI_ICON "${MCCIG_ICON_DIR}/mccig.ico")
  set(CPACK_NSIS_MUI_UNIICON "${MCCIG_ICON_DIR}/mccig.ico")
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\mccig-console.exe")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  # A Start-menu entry "MCC-IG Console" for bin/mccig-console.exe.
  set(CPACK_PACKAGE_EXECUTABLES "mccig-console;MCC-IG Console")
  set(CPACK_COMPONENTS_ALL console)
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_PACKAGE_FILE_NAME "mccig-console-${PROJECT_VERSION}-macos")
  set(CPACK_DMG_VOLUME_NAME "MCC-IG Console")
  set(CPACK_COMPONENTS_ALL console)
else()
  include(${CMAKE_CURRENT_LIST_DIR}/linux_packages.cmake)
endif()
include(CPack)
