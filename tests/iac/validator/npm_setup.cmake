# SPDX-FileCopyrightText: 2026 Nimbus developers
# SPDX-License-Identifier: MIT
#
# Script mode (the iac_validator_setup test): installs the npm packages validate.mjs needs
# into PREFIX (a folder of the build tree, never the source tree). Does nothing when PREFIX
# already holds an install of the same package.json, so repeat runs are fast and offline.
#
#   cmake -DSOURCE_DIR=<tests/iac/validator> -DPREFIX=<build>/npm-validator
#         [-DNODE_HINT=<node>] [-DNPM_HINT=<npm>] -P npm_setup.cmake

foreach(var SOURCE_DIR PREFIX)
    if(NOT ${var})
        message(FATAL_ERROR "npm_setup.cmake: -D${var}=... is required")
    endif()
endforeach()

set(hints "")
foreach(hint IN ITEMS "${NODE_HINT}" "${NPM_HINT}")
    if(hint)
        get_filename_component(dir "${hint}" DIRECTORY)
        list(APPEND hints "${dir}")
    endif()
endforeach()
find_program(node_exe NAMES node nodejs HINTS ${hints})
find_program(npm_exe NAMES npm HINTS ${hints})
if(NOT node_exe OR NOT npm_exe)
    message("SKIPPED: Node.js is not installed; exported templates are not checked against AWS specifications")
    if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
        cmake_language(EXIT 77)
    endif()
    return() # older CMake: the test's SKIP_REGULAR_EXPRESSION marks it skipped
endif()

set(packages "@aws-cdk/aws-service-spec" ajv ajv-draft-04 js-yaml)
file(SHA256 "${SOURCE_DIR}/package.json" wanted)
set(stamp "${PREFIX}/.nimbus-package-json.sha256")
if(EXISTS "${stamp}")
    file(READ "${stamp}" installed)
    string(STRIP "${installed}" installed)
    set(complete TRUE)
    foreach(p IN LISTS packages)
        if(NOT EXISTS "${PREFIX}/node_modules/${p}/package.json")
            set(complete FALSE)
        endif()
    endforeach()
    if(installed STREQUAL wanted AND complete)
        message(STATUS "npm packages for validate.mjs are installed in ${PREFIX}")
        return()
    endif()
endif()

message(STATUS "installing the npm packages of ${SOURCE_DIR}/package.json into ${PREFIX}")
file(REMOVE "${stamp}")
file(MAKE_DIRECTORY "${PREFIX}")
configure_file("${SOURCE_DIR}/package.json" "${PREFIX}/package.json" COPYONLY)
execute_process(
    COMMAND "${npm_exe}" install --prefix "${PREFIX}" --no-audit --no-fund --no-update-notifier
            --no-progress --loglevel=error --fetch-timeout=60000 --fetch-retries=2
    WORKING_DIRECTORY "${PREFIX}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "npm install into ${PREFIX} failed (${result}); is the npm registry reachable?")
endif()
foreach(p IN LISTS packages)
    if(NOT EXISTS "${PREFIX}/node_modules/${p}/package.json")
        message(FATAL_ERROR "npm install finished but ${PREFIX}/node_modules/${p} is missing")
    endif()
endforeach()
file(WRITE "${stamp}" "${wanted}\n")
execute_process(COMMAND "${node_exe}" --version OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "npm packages for validate.mjs installed in ${PREFIX} (node ${version})")
