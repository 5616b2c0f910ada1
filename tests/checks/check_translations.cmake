# Fails when lupdate cannot attribute a tr() call to the context used at run time (for example a tr()
# helper in an anonymous namespace, or a class using tr() without Q_OBJECT / Q_DECLARE_TR_FUNCTIONS):
# such strings would never be translated.
#   cmake -DLUPDATE=<lupdate> -DROOT=<source dir> -DOUT=<scratch dir> -P check_translations.cmake
foreach(var LUPDATE ROOT OUT)
    if(NOT ${var})
        message(FATAL_ERROR "pass -D${var}=…")
    endif()
endforeach()
file(MAKE_DIRECTORY "${OUT}")
set(dirs "")
foreach(dir models app ui)
    if(EXISTS "${ROOT}/${dir}")
        list(APPEND dirs "${ROOT}/${dir}")
    endif()
endforeach()
execute_process(
    COMMAND "${LUPDATE}" -no-obsolete -locations none ${dirs} -ts "${OUT}/check.ts"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${output}")
endif()
string(REGEX MATCHALL "[^\n]*(lacks Q_OBJECT|Cannot invoke tr\\(\\)|Discarding unconsumed)[^\n]*" problems "${output}")
if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "Strings lupdate cannot put in the right context:\n  ${text}")
endif()
# English is the source language; its .ts exists for plural forms ("%n transaction(s)"), which must all be
# filled in (scripts/update-translations does it), or the app shows "(s)".
if(EXISTS "${ROOT}/translations/moniagent_en.ts")
    configure_file("${ROOT}/translations/moniagent_en.ts" "${OUT}/english.ts" COPYONLY)
    execute_process(COMMAND "${LUPDATE}" -no-obsolete -locations none ${dirs} -ts "${OUT}/english.ts"
                    RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
    file(READ "${OUT}/english.ts" english)
    string(REGEX MATCHALL "<message numerus=\"yes\">[ \t\r\n]*<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\">"
           unfinished "${english}")
    if(unfinished)
        string(REGEX REPLACE "<message numerus=\"yes\">[ \t\r\n]*<source>([^<]*)</source>[^;]*" "\\1" names "${unfinished}")
        message(FATAL_ERROR "moniagent_en.ts lacks the plural forms of: ${names}\nRun scripts/update-translations.")
    endif()
endif()
file(READ "${OUT}/check.ts" ts)
string(REGEX MATCHALL "<name>[^<]*</name>" contexts "${ts}")
list(LENGTH contexts count)
message(STATUS "translations: ${count} contexts, all attributed")
