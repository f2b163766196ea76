# Precompiled Qt headers (HEXMAP_PCH, off by default; CI turns it on). Parsing the Qt headers is most of the time
# of a ui/ or test object (≈ 8 s of CPU for a ui suite, 5 s with the header precompiled), so CI's three full
# builds get shorter. Off by default because ccache does not cache objects that use a precompiled header unless
# told to (sloppiness), and local builds live on ccache hits.
option(HEXMAP_PCH "Precompile the Qt headers of hexmap_ui and the test suites" OFF)

set(HEXMAP_PCH_WIDGETS
    <QApplication> <QWidget> <QMainWindow> <QDockWidget> <QAction> <QMenu> <QLabel> <QPushButton> <QLineEdit>
    <QComboBox> <QCheckBox> <QSpinBox> <QBoxLayout> <QStatusBar> <QMessageBox> <QPainter> <QPalette> <QKeyEvent>
    <QMouseEvent> <QTimer> <QSettings> <QFileInfo> <QPointer> <QString> <QStringList> <QObject>
    <cstdint> <memory> <span> <string> <vector>)
set(HEXMAP_PCH_TESTS <QtTest> <QSignalSpy> <QTemporaryDir> <QFile> <QDir> <QProcess> <QElapsedTimer>
    <cstdint> <memory> <span> <string> <vector>)

# hexmap_ui's own objects.
function(hexmap_pch_ui target)
    if(HEXMAP_PCH)
        target_precompile_headers(${target} PRIVATE ${HEXMAP_PCH_WIDGETS})
    endif()
endfunction()

# A suite reuses the header precompiled once for its kind (core or ui; app suites use core's: their extra
# definitions do not appear in the header, and -Winvalid-pch with -Werror would say so if they did).
function(hexmap_pch_suite target kind)
    if(NOT HEXMAP_PCH)
        return()
    endif()
    set(carrier_kind core)
    if(kind STREQUAL "ui")
        set(carrier_kind ui)
    endif()
    set(carrier hexmap_pch_${carrier_kind}_suites)
    if(NOT TARGET ${carrier})
        add_library(${carrier} OBJECT ${PROJECT_SOURCE_DIR}/tests/pch_carrier.cpp)
        target_link_libraries(${carrier} PRIVATE hexmap_core Qt6::Test)
        target_compile_options(${carrier} PRIVATE -UQT_TESTCASE_SOURCEDIR -UQT_TESTCASE_BUILDDIR)
        if(carrier_kind STREQUAL "ui")
            target_link_libraries(${carrier} PRIVATE hexmap_ui)
            target_precompile_headers(${carrier} PRIVATE ${HEXMAP_PCH_TESTS} ${HEXMAP_PCH_WIDGETS})
        else()
            target_precompile_headers(${carrier} PRIVATE ${HEXMAP_PCH_TESTS})
        endif()
    endif()
    target_precompile_headers(${target} REUSE_FROM ${carrier})
endfunction()
