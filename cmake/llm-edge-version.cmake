# SPDX-License-Identifier: GPL-2.0-only
# Generates llm-edge-version-config.h (helper/llm-edge-version-config.h.in) at
# configure time: the module's VERSION, its git revision ("unknown" outside
# a git checkout of this module, e.g. a tarball or a copy inside ns-3's own
# repository), the ns-3 release and the build mode. Included by
# CMakeLists.txt in both build modes; wscript-compat/wscript does the same
# for waf.
file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/VERSION LLM_EDGE_VERSION LIMIT_COUNT 1)
# Configure again when VERSION changes (file(STRINGS) adds no configure
# dependency), so the programs do not print a stale version.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/VERSION)

set(LLM_EDGE_GIT_REVISION unknown)
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(COMMAND ${GIT_EXECUTABLE} -C ${CMAKE_CURRENT_SOURCE_DIR} rev-parse --show-toplevel
                  OUTPUT_VARIABLE llm_edge_git_top OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE llm_edge_git_rc ERROR_QUIET)
  get_filename_component(llm_edge_src_real ${CMAKE_CURRENT_SOURCE_DIR} REALPATH)
  if(llm_edge_git_rc EQUAL 0)
    get_filename_component(llm_edge_git_top ${llm_edge_git_top} REALPATH)
  endif()
  if(llm_edge_git_rc EQUAL 0 AND llm_edge_git_top STREQUAL llm_edge_src_real)
    execute_process(COMMAND ${GIT_EXECUTABLE} -C ${CMAKE_CURRENT_SOURCE_DIR} rev-parse --short=12 HEAD
                    OUTPUT_VARIABLE LLM_EDGE_GIT_REVISION OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    execute_process(COMMAND ${GIT_EXECUTABLE} -C ${CMAKE_CURRENT_SOURCE_DIR} status --porcelain
                            --untracked-files=no
                    OUTPUT_VARIABLE llm_edge_git_dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(llm_edge_git_dirty)
      string(APPEND LLM_EDGE_GIT_REVISION -dirty)
    endif()
    # Configure again when HEAD moves (a commit or a checkout), so the
    # revision is not stale.
    execute_process(COMMAND ${GIT_EXECUTABLE} -C ${CMAKE_CURRENT_SOURCE_DIR} rev-parse
                            --symbolic-full-name HEAD
                    OUTPUT_VARIABLE llm_edge_head_ref OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    foreach(ref HEAD ${llm_edge_head_ref})
      execute_process(COMMAND ${GIT_EXECUTABLE} -C ${CMAKE_CURRENT_SOURCE_DIR} rev-parse --git-path ${ref}
                      OUTPUT_VARIABLE llm_edge_ref_path OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      if(NOT IS_ABSOLUTE "${llm_edge_ref_path}")
        set(llm_edge_ref_path ${CMAKE_CURRENT_SOURCE_DIR}/${llm_edge_ref_path})
      endif()
      if(EXISTS ${llm_edge_ref_path})
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${llm_edge_ref_path})
      endif()
    endforeach()
  endif()
  if(NOT LLM_EDGE_GIT_REVISION)
    set(LLM_EDGE_GIT_REVISION unknown)
  endif()
endif()

if(LLM_EDGE_STANDALONE)
  set(LLM_EDGE_BUILD_SYSTEM cmake-standalone)
  set(LLM_EDGE_NS3_VERSION ${ns3_VERSION})
else()
  set(LLM_EDGE_BUILD_SYSTEM cmake-ns3)
  set(LLM_EDGE_NS3_VERSION ${NS3_VER})
endif()
if(NOT LLM_EDGE_NS3_VERSION)
  set(LLM_EDGE_NS3_VERSION unknown)
endif()

set(LLM_EDGE_GENERATED_DIR ${CMAKE_CURRENT_BINARY_DIR}/generated)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/helper/llm-edge-version-config.h.in
               ${LLM_EDGE_GENERATED_DIR}/llm-edge-version-config.h @ONLY)
# Only llm-edge-version.cc reads it: a source property, not a directory or
# target include (ns-3's build_lib exports the library's include paths, and a
# path inside the build tree makes ns-3's CMake generate step fail).
set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/helper/llm-edge-version.cc
                            PROPERTIES INCLUDE_DIRECTORIES ${LLM_EDGE_GENERATED_DIR})
message(STATUS "llm-edge ${LLM_EDGE_VERSION} (git ${LLM_EDGE_GIT_REVISION}, ns-3 ${LLM_EDGE_NS3_VERSION}, "
               "${LLM_EDGE_BUILD_SYSTEM})")
