# The console on Windows and macOS: icon, bundle metadata, the licence, and
# Qt deployed next to the executable (windeployqt / macdeployqt through
# qt_generate_deploy_app_script). Included by packaging.cmake.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core)

if(WIN32)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/windows/mccig-console.rc.in
                 ${PROJECT_BINARY_DIR}/installer/mccig-console.rc @ONLY)
  target_sources(mccig-console PRIVATE ${PROJECT_BINARY_DIR}/installer/mccig-console.rc)
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION . RENAME LICENSE.txt COMPONENT console)
  # windeployqt brings Qt; the other DLLs (hiredis, libpq, OpenSSL,
  # QtKeychain) are found in MCCIG_RUNTIME_DIRS (default: bin/ of every
  # CMAKE_PREFIX_PATH entry, where vcpkg and the Qt installer put them).
  set(default_dirs "")
  foreach(prefix IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND default_dirs "${prefix}/bin")
  endforeach()
  set(MCCIG_RUNTIME_DIRS "${default_dirs}" CACHE STRING "Folders holding the DLLs mccig-console needs")
  install(CODE "set(MCCIG_RUNTIME_DIRS \"${MCCIG_RUNTIME_DIRS}\")" COMPONENT console)
  install(CODE [[
    file(GET_RUNTIME_DEPENDENCIES EXECUTABLES "$<TARGET_FILE:mccig-console>"
         RESOLVED_DEPENDENCIES_VAR resolved UNRESOLVED_DEPENDENCIES_VAR unresolved
         PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-" "^[Qq]t6[A-Za-z]*\\.dll$"
         POST_EXCLUDE_REGEXES "[/\\\\][Ww][Ii][Nn][Dd][Oo][Ww][Ss][/\\\\]"
         DIRECTORIES ${MCCIG_RUNTIME_DIRS})
    file(INSTALL ${resolved} DESTINATION "${CMAKE_INSTALL_PREFIX}/bin")
  ]] COMPONENT console)
elseif(APPLE)
  set(icns ${PROJECT_SOURCE_DIR}/resources/desktop/icons/mccig.icns)
  target_sources(mccig-console PRIVATE ${icns})
  set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
  set_target_properties(mccig-console PROPERTIES
    OUTPUT_NAME "MCC-IG Console"
    MACOSX_BUNDLE_GUI_IDENTIFIER org.mccig.Console
    MACOSX_BUNDLE_BUNDLE_NAME "MCC-IG Console"
    MACOSX_BUNDLE_ICON_FILE mccig.icns
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "Licensed under the Apache License, Version 2.0"
    XCODE_ATTRIBUTE_PRODUCT_BUNDLE_IDENTIFIER org.mccig.Console)
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION . RENAME LICENSE.txt COMPONENT console)
endif()

qt_generate_deploy_app_script(TARGET mccig-console FILENAME_VARIABLE mccig_console_deploy
                              NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${mccig_console_deploy} COMPONENT console)
