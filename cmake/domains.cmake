# One CMake library per domain folder, linking only the domains it declares. A source that includes a header
# of a domain it does not depend on fails the build (check_includes.cmake runs before the library compiles),
# so a wrong-way dependency is caught where it is written, not in review.
#
#   tandem_domain(<target> FOLDER <dir> PREFIX <include prefix> [DEPENDS <targets>...] SOURCES <files>...)
#
# FOLDER is the domain's folder; PREFIX is how others include it (tandem/surveys for shared/tandem/surveys).
# A domain may include its own headers and those of every domain it depends on, directly or through another.
# What each domain may include is worked out once every domain is declared, so they may be declared in any
# order (the client's features are found by a glob).

# The include prefixes `target` may use: its own and, through DEPENDS, those of everything it depends on. A
# target that is not a domain may have them set by hand (tandem_core: every core domain).
function(_tandem_allowed_prefixes target out)
  get_property(allowed GLOBAL PROPERTY TANDEM_DOMAIN_ALLOWED_${target})
  get_property(depends GLOBAL PROPERTY TANDEM_DOMAIN_DEPENDS_${target})
  foreach(dep IN LISTS depends)
    _tandem_allowed_prefixes(${dep} dep_allowed)
    list(APPEND allowed ${dep_allowed})
  endforeach()
  list(REMOVE_DUPLICATES allowed)
  set(${out} "${allowed}" PARENT_SCOPE)
endfunction()

function(_tandem_write_domain_checks)
  get_property(prefixes GLOBAL PROPERTY TANDEM_DOMAIN_PREFIXES)
  file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/tandem-domains.txt CONTENT "${prefixes}")
  get_property(targets GLOBAL PROPERTY TANDEM_DOMAIN_TARGETS)
  foreach(target IN LISTS targets)
    _tandem_allowed_prefixes(${target} allowed)
    get_property(files GLOBAL PROPERTY TANDEM_DOMAIN_FILES_${target})
    get_property(check_args GLOBAL PROPERTY TANDEM_DOMAIN_CHECK_${target})
    file(CONFIGURE OUTPUT ${check_args}
         CONTENT "set(DOMAIN ${target})\nset(FILES \"${files}\")\nset(ALLOWED \"${allowed}\")\n")
  endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _tandem_write_domain_checks)

function(tandem_domain target)
  cmake_parse_arguments(D "" "FOLDER;PREFIX" "DEPENDS;SOURCES" ${ARGN})
  add_library(${target} STATIC ${D_SOURCES})
  target_link_libraries(${target} PUBLIC ${D_DEPENDS})
  target_compile_options(${target} PRIVATE -Wall -Wextra)

  set_property(GLOBAL PROPERTY TANDEM_DOMAIN_ALLOWED_${target} ${D_PREFIX})
  set_property(GLOBAL PROPERTY TANDEM_DOMAIN_DEPENDS_${target} ${D_DEPENDS})
  set_property(GLOBAL APPEND PROPERTY TANDEM_DOMAIN_PREFIXES ${D_PREFIX})
  set_property(GLOBAL APPEND PROPERTY TANDEM_DOMAIN_TARGETS ${target})

  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${D_FOLDER}/*.h ${D_FOLDER}/*.cpp)
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${target}.includes-checked)
  set(check_args ${CMAKE_CURRENT_BINARY_DIR}/${target}.includes.cmake)  # written by _tandem_write_domain_checks
  set_property(GLOBAL PROPERTY TANDEM_DOMAIN_FILES_${target} "${files}")
  set_property(GLOBAL PROPERTY TANDEM_DOMAIN_CHECK_${target} ${check_args})
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
