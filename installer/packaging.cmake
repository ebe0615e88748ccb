# Installation layout and CPack: .deb and .tar.gz on Linux, NSIS/ZIP on
# Windows, DragNDrop on macOS. Targets install themselves where they are
# defined; this file adds the service files and the package metadata.
include(GNUInstallDirs)
if(UNIX AND NOT APPLE)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/mccig-server.service
          DESTINATION lib/systemd/system COMPONENT server)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/mccig-server.env
          DESTINATION ${CMAKE_INSTALL_SYSCONFDIR}/mccig COMPONENT server)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/docs/api.md ${PROJECT_SOURCE_DIR}/docs/redis-keys.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT server)

set(CPACK_PACKAGE_NAME "mccig")
set(CPACK_PACKAGE_VENDOR "MCC-IG")
set(CPACK_PACKAGE_CONTACT "MCC-IG maintainers <maintainers@mccig.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "MCC-IG")
if(WIN32)
  set(CPACK_GENERATOR "NSIS;ZIP")
  set(CPACK_NSIS_DISPLAY_NAME "MCC-IG Console")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
else()
  set(CPACK_GENERATOR "DEB;TGZ")
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_SECTION "net")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
endif()
include(CPack)
