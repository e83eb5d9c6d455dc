# SPDX-License-Identifier: GPL-2.0-only
# Standalone build against an installed ns-3 (Debian's libns3-dev 3.37, or a
# newer install exporting ns3::core-style targets). Defines look-alikes of
# ns-3's build_lib / build_lib_example so one set of calls serves both modes.
set(LLM_EDGE_STANDALONE ON)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE RelWithDebInfo)
endif()

# AddressSanitizer + UndefinedBehaviorSanitizer (float-to-integer overflow
# included) on the module, its tests and examples (scripts/sanitize.sh).
option(LLM_EDGE_SANITIZE "Build with ASan and UBSan" OFF)
if(LLM_EDGE_SANITIZE)
  # shift-base off: ns-3's inline int64x64-128.h (compiled into our code)
  # left-shifts a negative value whenever a negative Time is built, which the
  # bad-input tests do on purpose (e.g. BatchTimeout = -1s); ns-3's own
  # arithmetic, not the module's. Every other check stays fatal.
  set(llm_edge_san -fsanitize=address,undefined,float-cast-overflow -fno-sanitize=shift-base
                   -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${llm_edge_san})
  add_link_options(${llm_edge_san})
endif()

find_program(LLM_EDGE_CCACHE ccache)
if(LLM_EDGE_CCACHE)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${LLM_EDGE_CCACHE})
endif()

# No version argument: Debian's ns3ConfigVersion rejects "3.36" and "3.37.0".
find_package(ns3 REQUIRED)

# Map ns-3's module variables to imported targets (ns3::libcore up to 3.42,
# ns3::core from 3.43).
foreach(mod core network energy internet applications point-to-point csma wifi mobility
            stats propagation)
  if(TARGET ns3::lib${mod})
    set(lib${mod} ns3::lib${mod})
  elseif(TARGET ns3::${mod})
    set(lib${mod} ns3::${mod})
  endif()
endforeach()
# For the Wi-Fi radio energy suite (see CMakeLists.txt).
if(libwifi AND libmobility)
  set(LLM_EDGE_WIFI_LIBS ${libwifi} ${libmobility})
endif()

# Debian's ns-3 is a release build; keep this module's own logs and asserts.
add_compile_definitions(NS3_LOG_ENABLE NS3_ASSERT_ENABLE)

enable_testing()
set(LLM_EDGE_INCLUDE_DIR ${CMAKE_BINARY_DIR}/include)
file(MAKE_DIRECTORY ${LLM_EDGE_INCLUDE_DIR}/ns3)

# Without --no-as-needed, libraries referenced only through TypeId strings are
# dropped at link time and programs abort at run time.
set(LLM_EDGE_LINK_FLAGS -Wl,--no-as-needed)

function(build_lib)
  cmake_parse_arguments(BLIB "" "LIBNAME" "SOURCE_FILES;HEADER_FILES;LIBRARIES_TO_LINK;TEST_SOURCES" ${ARGN})
  set(header_list "")
  foreach(h ${BLIB_HEADER_FILES})
    get_filename_component(name ${h} NAME)
    configure_file(${CMAKE_CURRENT_SOURCE_DIR}/${h} ${LLM_EDGE_INCLUDE_DIR}/ns3/${name} COPYONLY)
    string(APPEND header_list "#include \"ns3/${name}\"\n")
  endforeach()
  file(WRITE ${LLM_EDGE_INCLUDE_DIR}/ns3/${BLIB_LIBNAME}-module.h
       "#ifndef NS3_MODULE_LLM_EDGE\n#define NS3_MODULE_LLM_EDGE\n${header_list}#endif\n")
  add_library(${BLIB_LIBNAME} SHARED ${BLIB_SOURCE_FILES})
  target_include_directories(${BLIB_LIBNAME} PUBLIC $<BUILD_INTERFACE:${LLM_EDGE_INCLUDE_DIR}>
                                                    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_link_libraries(${BLIB_LIBNAME} PUBLIC ${BLIB_LIBRARIES_TO_LINK})
  target_link_options(${BLIB_LIBNAME} PUBLIC ${LLM_EDGE_LINK_FLAGS})
  if(LLM_EDGE_SANITIZE)
    # A program linking a sanitized library (an out-of-tree one included,
    # through the installed package) must load the sanitizer runtimes first.
    target_link_options(${BLIB_LIBNAME} INTERFACE ${llm_edge_san})
  endif()
  llm_edge_install(${BLIB_LIBNAME})
  set(lib${BLIB_LIBNAME} ${BLIB_LIBNAME} PARENT_SCOPE)
  set(LLM_EDGE_TEST_SOURCES ${BLIB_TEST_SOURCES} PARENT_SCOPE)

  # ns-3 TestSuites run through a small runner, one ctest test per suite.
  if(BLIB_TEST_SOURCES)
    add_executable(${BLIB_LIBNAME}-test-runner ${CMAKE_CURRENT_SOURCE_DIR}/test/standalone-test-runner.cc
                                               ${BLIB_TEST_SOURCES})
    target_link_libraries(${BLIB_LIBNAME}-test-runner ${BLIB_LIBNAME})
  endif()

  # Examples, as ns-3's build_lib does.
  set(libllm-edge ${BLIB_LIBNAME})
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/examples/CMakeLists.txt)
    add_subdirectory(examples)
  endif()
endfunction()

# cmake --install: the library, its headers (include/ns3/, beside ns-3's
# own) and a CMake package, so that an out-of-tree project writes
#   find_package(llm-edge REQUIRED)
#   target_link_libraries(my-program llm-edge::llm-edge)
# and gets ns-3's targets the module links (llm-edgeConfig.cmake finds ns3).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
function(llm_edge_install target)
  set(pkg ${CMAKE_INSTALL_LIBDIR}/cmake/llm-edge)
  install(TARGETS ${target} EXPORT llm-edge-targets LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(DIRECTORY ${LLM_EDGE_INCLUDE_DIR}/ns3 DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT llm-edge-targets NAMESPACE llm-edge:: DESTINATION ${pkg})
  configure_package_config_file(${CMAKE_CURRENT_SOURCE_DIR}/cmake/llm-edge-config.cmake.in
                                ${CMAKE_BINARY_DIR}/llm-edge-config.cmake INSTALL_DESTINATION ${pkg})
  write_basic_package_version_file(${CMAKE_BINARY_DIR}/llm-edge-config-version.cmake
                                   VERSION ${LLM_EDGE_VERSION} COMPATIBILITY SameMinorVersion)
  install(FILES ${CMAKE_BINARY_DIR}/llm-edge-config.cmake
                ${CMAKE_BINARY_DIR}/llm-edge-config-version.cmake DESTINATION ${pkg})
endfunction()

# Your own programs, as in an ns-3 tree's scratch/: every scratch/<name>.cc
# is a program <name>, every folder scratch/<name>/ holding .cc files (at any
# depth) is one program <name>; no CMake edit. Built into <build>/scratch/,
# linked with llm-edge and every ns-3 module found above. A new file is seen
# at the next build (CONFIGURE_DEPENDS).
function(llm_edge_scratch_programs)
  set(dir ${CMAKE_CURRENT_SOURCE_DIR}/scratch)
  set(ns3_libs "")
  foreach(mod core network energy internet applications point-to-point csma wifi mobility stats
              propagation)
    if(lib${mod})
      list(APPEND ns3_libs ${lib${mod}})
    endif()
  endforeach()
  file(GLOB singles CONFIGURE_DEPENDS ${dir}/*.cc)
  file(GLOB entries CONFIGURE_DEPENDS LIST_DIRECTORIES true ${dir}/*)
  set(programs "")
  foreach(src ${singles})
    get_filename_component(name ${src} NAME_WE)
    list(APPEND programs "${name}|${src}")
  endforeach()
  foreach(sub ${entries})
    if(IS_DIRECTORY ${sub})
      file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${sub}/*.cc)
      if(srcs)
        get_filename_component(name ${sub} NAME)
        string(REPLACE ";" "," srcs "${srcs}")
        list(APPEND programs "${name}|${srcs}")
      endif()
    endif()
  endforeach()
  foreach(p ${programs})
    string(REPLACE "|" ";" p "${p}")
    list(GET p 0 name)
    list(GET p 1 srcs)
    string(REPLACE "," ";" srcs "${srcs}")
    if(TARGET scratch_${name})
      message(FATAL_ERROR "scratch/: two programs named '${name}' (a file and a folder)")
    endif()
    add_executable(scratch_${name} ${srcs})
    target_link_libraries(scratch_${name} llm-edge ${ns3_libs})
    set_target_properties(scratch_${name} PROPERTIES OUTPUT_NAME ${name}
                                                     RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/scratch)
  endforeach()
endfunction()

function(build_lib_example)
  cmake_parse_arguments(BLIB "" "NAME" "SOURCE_FILES;HEADER_FILES;LIBRARIES_TO_LINK" ${ARGN})
  add_executable(${BLIB_NAME} ${BLIB_SOURCE_FILES})
  target_link_libraries(${BLIB_NAME} ${BLIB_LIBRARIES_TO_LINK})
  set_target_properties(${BLIB_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/examples)
endfunction()

# GoogleTest for the pure core, and the ns-3 suites registered with ctest.
function(llm_edge_standalone_tests)
  find_package(GTest REQUIRED)
  file(GLOB unit_sources ${CMAKE_CURRENT_SOURCE_DIR}/test/unit/*.cc)
  add_executable(llm-edge-unit-tests ${unit_sources})
  # point-to-point only for the tests reproducing faults on real links.
  target_link_libraries(llm-edge-unit-tests llm-edge ${libpoint-to-point} GTest::gtest GTest::gtest_main)
  include(GoogleTest)
  gtest_discover_tests(llm-edge-unit-tests DISCOVERY_TIMEOUT 60)
  find_package(benchmark QUIET)
  if(benchmark_FOUND)
    add_executable(llm-edge-benchmarks ${CMAKE_CURRENT_SOURCE_DIR}/benchmarks/semi-markov-benchmark.cc)
    target_link_libraries(llm-edge-benchmarks llm-edge benchmark::benchmark)
    add_executable(llm-edge-pipeline-benchmarks
                   ${CMAKE_CURRENT_SOURCE_DIR}/benchmarks/pipeline-benchmark.cc)
    target_link_libraries(llm-edge-pipeline-benchmarks llm-edge ${libpoint-to-point}
                          benchmark::benchmark)
    add_executable(llm-edge-policy-benchmarks
                   ${CMAKE_CURRENT_SOURCE_DIR}/benchmarks/policy-benchmark.cc)
    target_link_libraries(llm-edge-policy-benchmarks llm-edge benchmark::benchmark)
  endif()
  # The bad-input catalogue (test/bad-inputs.txt): every program and file
  # reader refuses bad input with exit status 2 and a message naming it.
  add_executable(llm-edge-read-input ${CMAKE_CURRENT_SOURCE_DIR}/test/read-input.cc
                                     ${CMAKE_CURRENT_SOURCE_DIR}/test/fuzz/readers.cc)
  target_link_libraries(llm-edge-read-input llm-edge)
  add_test(NAME bad-input-catalogue
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/test/run-bad-inputs.sh ${CMAKE_BINARY_DIR})
  set_tests_properties(bad-input-catalogue PROPERTIES TIMEOUT 1200)
  foreach(suite ${LLM_EDGE_SUITES})
    add_test(NAME ns3-suite-${suite} COMMAND llm-edge-test-runner --suite=${suite})
  endforeach()
endfunction()
