# Fails when code below the UI includes Qt Widgets or Qt Charts (DESIGN.md §2: models/ and the services in
# app/<subsystem>/ never depend on widgets; only app/main.cpp and app/application.* compose the UI).
#   cmake -DROOT=<source dir> -P check_layering.cmake
if(NOT ROOT)
    message(FATAL_ERROR "pass -DROOT=<directory to check>")
endif()
file(GLOB_RECURSE candidates "${ROOT}/models/*.h" "${ROOT}/models/*.cpp" "${ROOT}/app/*.h" "${ROOT}/app/*.cpp")
set(widget_headers
    "QtWidgets/" "QtCharts/" "QtWidgets>" "QtCharts>" "QWidget>" "QDialog>" "QMainWindow>" "QApplication>"
    "QMessageBox>" "QLabel>" "QPushButton>" "QLineEdit>" "QComboBox>" "QTableView>" "QTreeView>" "QListView>"
    "QAbstractItemView>" "QStyledItemDelegate>" "QSystemTrayIcon>" "QFileDialog>" "QProgressDialog>" "QMenu>"
    "QChart>" "QChartView>" "QtCharts")
set(violations "")
foreach(file IN LISTS candidates)
    file(RELATIVE_PATH relative "${ROOT}" "${file}")
    if(relative MATCHES "^app/(main\\.cpp|application\\.(h|cpp))$")
        continue()
    endif()
    file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*<")
    foreach(line IN LISTS includes)
        foreach(header IN LISTS widget_headers)
            string(FIND "${line}" "<${header}" at)
            string(FIND "${line}" "/${header}" nested)
            if(NOT at EQUAL -1 OR (NOT nested EQUAL -1 AND header MATCHES "^Q[A-Z]"))
                list(APPEND violations "${relative}: ${line}")
            endif()
        endforeach()
    endforeach()
endforeach()
list(REMOVE_DUPLICATES violations)
if(violations)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "Widget or chart headers below the UI layer:\n  ${text}")
endif()
list(LENGTH candidates count)
message(STATUS "layering: ${count} files below the UI, none includes widgets or charts")
