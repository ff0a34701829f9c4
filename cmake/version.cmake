# Writes OUT (a header defining RAMSTEIN_VERSION and RAMSTEIN_COMMIT) from
# VERSION and the source tree's git commit, and leaves it untouched when
# neither changed, so that a build after a commit names that commit and a
# build without one relinks nothing. Run at every build (cmake -P).
execute_process(COMMAND git -C "${SOURCE_DIR}" rev-parse --short=12 HEAD
                OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR commit STREQUAL "")
  set(commit "unknown")
else()
  execute_process(COMMAND git -C "${SOURCE_DIR}" status --porcelain --untracked-files=no
                  OUTPUT_VARIABLE changes OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT changes STREQUAL "")
    set(commit "${commit}+changes")
  endif()
endif()
set(text "// Made by cmake/version.cmake at build time.\n#pragma once\n#define RAMSTEIN_VERSION \"${VERSION}\"\n#define RAMSTEIN_COMMIT \"${commit}\"\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
