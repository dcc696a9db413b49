# SPDX-FileCopyrightText: 2026 Nimbus developers
# SPDX-License-Identifier: MIT
#
# Script mode: fails when a layer reaches upwards (STYLE.md rule 5).
#  - model/ includes no Qt header and nothing from views/ or app/;
#  - views/ includes nothing from app/;
#  - only views/commands/ includes a document _p.h header;
#  - only views/charts/ includes Qt Charts.

set(problems "")

function(scan folder regex message)
    file(GLOB_RECURSE files "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
    foreach(file IN LISTS files)
        file(STRINGS "${file}" lines REGEX "${regex}")
        foreach(line IN LISTS lines)
            file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
            set(problems "${problems}\n  ${rel}: ${message}: ${line}")
        endforeach()
    endforeach()
    set(problems "${problems}" PARENT_SCOPE)
endfunction()

scan(model "^[ \t]*#[ \t]*include[ \t]*[<\"](Q[A-Za-z0-9_]*|Qt[A-Za-z0-9_]*/[^>\"]*)[>\"]" "Qt header in model/")
scan(model "^[ \t]*#[ \t]*include[ \t]*[<\"](views|app)/" "model/ includes an upper layer")
scan(views "^[ \t]*#[ \t]*include[ \t]*[<\"]app/" "views/ includes app/")
scan(app "^[ \t]*#[ \t]*include[ \t]*[<\"][^>\"]*_p\\.h[>\"]" "private document header outside views/commands")
foreach(folder canvas charts findings inspector report)
    if(EXISTS "${SOURCE_DIR}/views/${folder}")
        scan(views/${folder} "^[ \t]*#[ \t]*include[ \t]*[<\"][^>\"]*_p\\.h[>\"]" "private document header outside views/commands")
    endif()
endforeach()

set(chartsHeader "^[ \t]*#[ \t]*include[ \t]*[<\"](QtCharts/[^>\"]*|QChart[A-Za-z]*|Q[A-Za-z]*(Series|Axis|BarSet|PieSlice|Legend))[>\"]")
scan(app "${chartsHeader}" "Qt Charts outside views/charts")
foreach(folder canvas commands costs document findings inspector palette report scenarios)
    if(EXISTS "${SOURCE_DIR}/views/${folder}")
        scan(views/${folder} "${chartsHeader}" "Qt Charts outside views/charts")
    endif()
endforeach()

file(READ "${SOURCE_DIR}/model/CMakeLists.txt" modelCmake)
if(modelCmake MATCHES "Qt6::|Qt::")
    set(problems "${problems}\n  model/CMakeLists.txt links a Qt target")
endif()

if(problems)
    message(FATAL_ERROR "Layering violations:${problems}")
endif()
message(STATUS "layering: model/ has no Qt, no layer reaches upwards")
