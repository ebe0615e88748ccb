# One version: every file that names the release must name project(VERSION).
#   cmake -DVERSION=x.y.z -DSOURCE_DIR=... -P check_versions.cmake
set(expectations
  "installer/container/Containerfile|ARG MCCIG_VERSION=${VERSION}"
  "compose.yaml|image: mccig-server:${VERSION}"
  "installer/kubernetes/api-deployment.yaml|image: mccig-server:${VERSION}"
  "installer/kubernetes/api-deployment.yaml|app.kubernetes.io/version: \"${VERSION}\""
  "installer/kubernetes/worker-deployment.yaml|image: mccig-server:${VERSION}"
  "installer/kubernetes/worker-deployment.yaml|app.kubernetes.io/version: \"${VERSION}\"")
set(failures 0)
foreach(expectation IN LISTS expectations)
  string(REPLACE "|" ";" parts "${expectation}")
  list(GET parts 0 file)
  list(GET parts 1 text)
  file(READ "${SOURCE_DIR}/${file}" content)
  string(FIND "${content}" "${text}" found)
  if(found EQUAL -1)
    message(SEND_ERROR "${file} does not say '${text}'")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
# Any other mccig-server image tag is a stale version.
foreach(file compose.yaml installer/kubernetes/api-deployment.yaml installer/kubernetes/worker-deployment.yaml)
  file(STRINGS "${SOURCE_DIR}/${file}" tags REGEX "mccig-server:[0-9]")
  foreach(tag IN LISTS tags)
    if(NOT tag MATCHES "mccig-server:${VERSION}$")
      message(SEND_ERROR "${file}: stale image tag in '${tag}'")
    endif()
  endforeach()
endforeach()
message(STATUS "every deployment file names version ${VERSION}")
