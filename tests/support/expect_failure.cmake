# cmake -DBINARY=... -DEXPECT=... -P expect_failure.cmake
# Passes only when BINARY exits non-zero (not killed by a signal) and its
# output contains EXPECT: a test that must fail, for the right reason.
execute_process(COMMAND ${BINARY} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(FIND "${out}${err}" "${EXPECT}" at)
if(rc EQUAL 0)
  message(FATAL_ERROR "${BINARY} passed, but it had to fail:\n${out}${err}")
elseif(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "${BINARY} crashed (${rc}) instead of failing:\n${out}${err}")
elseif(at EQUAL -1)
  message(FATAL_ERROR "${BINARY} failed (${rc}) without saying '${EXPECT}':\n${out}${err}")
endif()
message(STATUS "${BINARY} failed as expected (exit ${rc})")
