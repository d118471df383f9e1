# One CMake library per domain folder, linking only the domains it declares. A source that includes a header
# of a domain it does not depend on fails the build (check_includes.cmake runs before the library compiles),
# so a wrong-way dependency is caught where it is written, not in review.
#
#   tandem_domain(<target> FOLDER <dir> PREFIX <include prefix> [DEPENDS <targets>...] SOURCES <files>...)
#
# FOLDER is the domain's folder; PREFIX is how others include it (tandem/surveys for shared/tandem/surveys).
# A domain may include its own headers and those of every domain it depends on, directly or through another.

function(_tandem_write_domain_list)
  get_property(prefixes GLOBAL PROPERTY TANDEM_DOMAIN_PREFIXES)
  file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/tandem-domains.txt CONTENT "${prefixes}")
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _tandem_write_domain_list)

function(tandem_domain target)
  cmake_parse_arguments(D "" "FOLDER;PREFIX" "DEPENDS;SOURCES" ${ARGN})
  add_library(${target} STATIC ${D_SOURCES})
  target_link_libraries(${target} PUBLIC ${D_DEPENDS})
  target_compile_options(${target} PRIVATE -Wall -Wextra)

  set(allowed ${D_PREFIX})
  foreach(dep IN LISTS D_DEPENDS)
    get_property(dep_allowed GLOBAL PROPERTY TANDEM_DOMAIN_ALLOWED_${dep})
    list(APPEND allowed ${dep_allowed})
  endforeach()
  list(REMOVE_DUPLICATES allowed)
  set_property(GLOBAL PROPERTY TANDEM_DOMAIN_ALLOWED_${target} ${allowed})
  set_property(GLOBAL APPEND PROPERTY TANDEM_DOMAIN_PREFIXES ${D_PREFIX})
  set_property(GLOBAL APPEND PROPERTY TANDEM_DOMAIN_TARGETS ${target})

  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${D_FOLDER}/*.h ${D_FOLDER}/*.cpp)
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${target}.includes-checked)
  set(check_args ${CMAKE_CURRENT_BINARY_DIR}/${target}.includes.cmake)
  file(CONFIGURE OUTPUT ${check_args} CONTENT "set(DOMAIN ${target})\nset(FILES \"${files}\")\nset(ALLOWED \"${allowed}\")\n")
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -DARGS=${check_args} -DDOMAIN_LIST=${CMAKE_BINARY_DIR}/tandem-domains.txt -DSTAMP=${stamp}
            -P ${PROJECT_SOURCE_DIR}/cmake/check_includes.cmake
    DEPENDS ${files} ${check_args} ${CMAKE_BINARY_DIR}/tandem-domains.txt ${PROJECT_SOURCE_DIR}/cmake/check_includes.cmake
    COMMENT "Checking that ${target} includes only the domains it depends on"
    VERBATIM)
  add_custom_target(${target}_includes DEPENDS ${stamp})
  add_dependencies(${target} ${target}_includes)
endfunction()
