# SPDX-FileCopyrightText: 2026 Nimbus developers
# SPDX-License-Identifier: MIT
#
# Script mode: the README opens with exactly two commands, the second of which is the
# command .ci/run executes, and the sample design the first one opens exists.

file(READ "${SOURCE_DIR}/README.md" readme)
string(REGEX MATCHALL "```sh\n[^\n]*\n```" blocks "${readme}")
list(LENGTH blocks count)
if(count LESS 2)
    message(FATAL_ERROR "README.md must open with two ```sh command blocks")
endif()
list(GET blocks 0 run)
list(GET blocks 1 test)
string(REGEX REPLACE "```sh\n([^\n]*)\n```" "\\1" run "${run}")
string(REGEX REPLACE "```sh\n([^\n]*)\n```" "\\1" test "${test}")

file(READ "${SOURCE_DIR}/.ci/run" ci)
string(FIND "${ci}" "${test}" at)
if(at EQUAL -1)
    message(FATAL_ERROR ".ci/run does not run the README's test command:\n  ${test}")
endif()
if(NOT test MATCHES "ctest")
    message(FATAL_ERROR "the README's second command must run ctest")
endif()
string(REGEX MATCH "templates/[A-Za-z0-9_-]+\\.nimbus" sample "${run}")
if(NOT sample OR NOT EXISTS "${SOURCE_DIR}/${sample}")
    message(FATAL_ERROR "the README's first command must open a bundled sample design")
endif()
message(STATUS "README commands: '${run}' / '${test}'")
