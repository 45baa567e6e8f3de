# Unpacks ../shared/bench into the build tree (once). Missing bench: nothing to
# do; the tests that need it say so and skip.
if(NOT EXISTS "${BENCH_DIR}/transcripts.tar.gz" OR NOT EXISTS "${BENCH_DIR}/truth.jsonl.gz")
  message(STATUS "no bench material at ${BENCH_DIR}; bench tests will skip")
  return()
endif()
if(NOT EXISTS "${OUT_DIR}/.unpacked")
  file(REMOVE_RECURSE "${OUT_DIR}")
  file(MAKE_DIRECTORY "${OUT_DIR}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar xzf "${BENCH_DIR}/transcripts.tar.gz"
                  WORKING_DIRECTORY "${OUT_DIR}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot unpack ${BENCH_DIR}/transcripts.tar.gz")
  endif()
  execute_process(COMMAND gzip -dc "${BENCH_DIR}/truth.jsonl.gz"
                  OUTPUT_FILE "${OUT_DIR}/truth.jsonl" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot decompress ${BENCH_DIR}/truth.jsonl.gz")
  endif()
  file(TOUCH "${OUT_DIR}/.unpacked")
endif()
