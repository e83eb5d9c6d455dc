# SPDX-License-Identifier: GPL-2.0-only
# Reads module-files.txt, the one list of llm-edge's files (also read by
# wscript-compat/wscript), into:
#   LLM_EDGE_SOURCES, LLM_EDGE_HEADERS      the library
#   LLM_EDGE_TEST_FILES, LLM_EDGE_WIFI_TEST_FILES  ns-3 TestSuites
#   LLM_EDGE_UNIT_SUITE_FILES                the GoogleTest units' TestSuite
#   LLM_EDGE_EXAMPLES                        example names
#   LLM_EDGE_EXAMPLE_DEPS_<name>             ns-3 modules each example links
function(llm_edge_read_files list_file)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${list_file})
  # Comment lines are left out here, before CMake splits the lines into a
  # list (a comment may hold a semicolon or an unbalanced bracket).
  file(STRINGS ${list_file} lines REGEX "^[^#]")
  set(section "")
  set(sources "")
  set(headers "")
  set(tests "")
  set(wifi_tests "")
  set(unit_suite "")
  set(examples "")
  foreach(line ${lines})
    string(STRIP "${line}" line)
    if(line STREQUAL "" OR line MATCHES "^#")
      continue()
    endif()
    if(line MATCHES "^\\[([a-z-]+)\\]$")
      set(section ${CMAKE_MATCH_1})
    elseif(section MATCHES "^(core|model|helper|experiment)$")
      list(APPEND sources ${line}.cc)
      list(APPEND headers ${line}.h)
    elseif(section STREQUAL "headers")
      list(APPEND headers ${line})
    elseif(section STREQUAL "tests")
      list(APPEND tests ${line})
    elseif(section STREQUAL "wifi-tests")
      list(APPEND wifi_tests ${line})
    elseif(section STREQUAL "unit-suite")
      list(APPEND unit_suite ${line})
    elseif(section STREQUAL "examples")
      string(REPLACE " " ";" fields "${line}")
      list(GET fields 0 name)
      list(REMOVE_AT fields 0)
      list(APPEND examples ${name})
      set(LLM_EDGE_EXAMPLE_DEPS_${name} ${fields} PARENT_SCOPE)
    else()
      message(FATAL_ERROR "${list_file}: entry '${line}' outside a known [section]")
    endif()
  endforeach()
  set(LLM_EDGE_SOURCES ${sources} PARENT_SCOPE)
  set(LLM_EDGE_HEADERS ${headers} PARENT_SCOPE)
  set(LLM_EDGE_TEST_FILES ${tests} PARENT_SCOPE)
  set(LLM_EDGE_WIFI_TEST_FILES ${wifi_tests} PARENT_SCOPE)
  set(LLM_EDGE_UNIT_SUITE_FILES ${unit_suite} PARENT_SCOPE)
  set(LLM_EDGE_EXAMPLES ${examples} PARENT_SCOPE)
endfunction()

# The targets of ns-3 modules given by name (lib<name> variables), for the
# optional suites. Kept out of CMakeLists.txt: ns-3 reads every lib-variable
# written there as a dependency of the module.
function(llm_edge_ns3_targets out)
  set(targets "")
  foreach(module ${ARGN})
    list(APPEND targets ${lib${module}})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()
