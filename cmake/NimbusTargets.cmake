# SPDX-FileCopyrightText: 2026 Nimbus developers
# SPDX-License-Identifier: MIT
#
# Settings every Nimbus target shares: the warning set (an INTERFACE target linked PRIVATE)
# and the definitions STYLE.md requires. Warnings-as-errors comes from the presets.

add_library(nimbus_warnings INTERFACE)
if(MSVC)
    target_compile_options(nimbus_warnings INTERFACE /W4 /permissive-)
else()
    target_compile_options(nimbus_warnings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual)
endif()

# nimbus_setup_target(<target>): C++20, our definitions, our warnings.
function(nimbus_setup_target target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
    target_link_libraries(${target} PRIVATE nimbus_warnings)
endfunction()
