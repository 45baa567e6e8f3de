# Runs one libFuzzer target for a bounded time as a ctest test.
#   -DFUZZER=path  -DSEEDS=dir|dir  -DWORK_DIR=dir  -DARGS=flag|flag (libFuzzer's)
# libFuzzer adds the inputs it finds to its first corpus folder, so the seeds
# are copied into a fresh WORK_DIR/corpus and the source tree stays untouched.
# A crash, leak, timeout or OOM makes libFuzzer exit non-zero, and this script
# fails, naming the input it saved (WORK_DIR/crash-..., leak-..., timeout-...).

foreach(var FUZZER SEEDS WORK_DIR ARGS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: ${var} is not set")
  endif()
endforeach()

string(REPLACE "|" ";" SEEDS "${SEEDS}")
string(REPLACE "|" ";" ARGS "${ARGS}")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus")
foreach(seeds IN LISTS SEEDS)
  file(GLOB files LIST_DIRECTORIES false "${seeds}/*")
  file(COPY ${files} DESTINATION "${WORK_DIR}/corpus")
endforeach()

execute_process(
  COMMAND "${FUZZER}" ${ARGS} -artifact_prefix=${WORK_DIR}/ "${WORK_DIR}/corpus"
  WORKING_DIRECTORY "${WORK_DIR}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(GLOB artifacts "${WORK_DIR}/crash-*" "${WORK_DIR}/leak-*" "${WORK_DIR}/timeout-*" "${WORK_DIR}/oom-*"
       "${WORK_DIR}/slow-unit-*")
  message(FATAL_ERROR "${FUZZER} failed (${result}); reproduce with: ${FUZZER} ${artifacts}")
endif()
