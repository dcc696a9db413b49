# SPDX-FileCopyrightText: 2026 Nimbus developers
# SPDX-License-Identifier: MIT
#
# Script mode: stands in for a template check when Node.js was not found at configure time.
message("SKIPPED: Node.js is not installed; exported templates are not checked against AWS specifications")
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
    cmake_language(EXIT 77)
endif()
