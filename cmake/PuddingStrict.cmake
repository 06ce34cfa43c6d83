# SPDX-License-Identifier: GPL-3.0-or-later
# The house's strict build, applied per target: every library and executable of the project
# calls pudding_strict(<target>). Generated code that cannot meet a flag gets an exemption on
# its own source files, never on the target (see client/CMakeLists.txt).
function(pudding_strict target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_STRICT_ITERATORS)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2)
    if(PUDDING_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
