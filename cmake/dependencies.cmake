# Third-party libraries. Natively they come from Debian packages; for WebAssembly, scripts/setup builds
# them from Debian source packages into ${TANDEM_CACHE}, and they are compiled here with emcc.

if(EMSCRIPTEN)
  # The core reports store failures as exceptions and rolls back on them; emcc turns catching off by default.
  # WebAssembly's own exception handling (every browser we serve and node have it) costs a fraction of the
  # code size of emcc's JavaScript-based catching, which wraps every call that may throw.
  add_compile_options(-fwasm-exceptions)
  add_link_options(-fwasm-exceptions)
  # Built for size: the download is what a manager on a phone waits for, and -Os measured no frame-time
  # cost (docs/benchmarks.md); ImGui alone keeps -O2 (client/CMakeLists.txt), it runs every frame.
  set(CMAKE_C_FLAGS_RELEASE "-Os -DNDEBUG")
  set(CMAKE_CXX_FLAGS_RELEASE "-Os -DNDEBUG")

  # SQLite amalgamation made by scripts/setup. Single-threaded in the browser; no extension loading.
  set(TANDEM_SQLITE_DIR ${TANDEM_CACHE}/sqlite-amalgamation)
  if(NOT EXISTS ${TANDEM_SQLITE_DIR}/sqlite3.c)
    message(FATAL_ERROR "SQLite amalgamation missing in ${TANDEM_SQLITE_DIR}: run scripts/setup")
  endif()
  add_library(tandem_sqlite3 STATIC ${TANDEM_SQLITE_DIR}/sqlite3.c)
  target_include_directories(tandem_sqlite3 SYSTEM PUBLIC ${TANDEM_SQLITE_DIR})
  target_compile_definitions(tandem_sqlite3 PRIVATE SQLITE_THREADSAFE=0 SQLITE_OMIT_LOAD_EXTENSION
                                                    SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_DQS=0)
  set(TANDEM_SQLITE_TARGET tandem_sqlite3)

  # libsodium built by scripts/setup: sealing private notes and the journal on the device
  # (docs/security-and-privacy.md, Sealed notes).
  set(TANDEM_SODIUM_PREFIX ${TANDEM_CACHE}/sodium-wasm)
  if(NOT EXISTS ${TANDEM_SODIUM_PREFIX}/lib/libsodium.a)
    message(FATAL_ERROR "libsodium for WebAssembly missing in ${TANDEM_SODIUM_PREFIX}: run scripts/setup")
  endif()
  add_library(tandem_sodium INTERFACE)
  target_include_directories(tandem_sodium SYSTEM INTERFACE ${TANDEM_SODIUM_PREFIX}/include)
  target_link_libraries(tandem_sodium INTERFACE ${TANDEM_SODIUM_PREFIX}/lib/libsodium.a)

  # nlohmann-json is header-only; expose just its folder, not all of /usr/include, to emcc.
  set(TANDEM_WASM_INCLUDE ${CMAKE_BINARY_DIR}/wasm-include)
  file(MAKE_DIRECTORY ${TANDEM_WASM_INCLUDE})
  if(NOT EXISTS ${TANDEM_WASM_INCLUDE}/nlohmann)
    file(CREATE_LINK /usr/include/nlohmann ${TANDEM_WASM_INCLUDE}/nlohmann SYMBOLIC)
  endif()
  add_library(tandem_json INTERFACE)
  target_include_directories(tandem_json SYSTEM INTERFACE ${TANDEM_WASM_INCLUDE})

  # GoogleTest from Debian's source copy, built with emcc so the core tests run under node.
  set(gtest_disable_pthreads ON CACHE BOOL "" FORCE)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL)
else()
  find_package(SQLite3 REQUIRED)
  set(TANDEM_SQLITE_TARGET SQLite::SQLite3)
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(tandem_json INTERFACE)
  target_link_libraries(tandem_json INTERFACE nlohmann_json::nlohmann_json)
  find_package(GTest REQUIRED)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  # zlib: the server gzips API answers itself at the fastest level (server/http/answer_compression.h).
  find_package(ZLIB REQUIRED)
  # libpq: the server's PostgreSQL store, for several instances on one database.
  pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
  add_library(tandem_sodium INTERFACE)
  target_link_libraries(tandem_sodium INTERFACE PkgConfig::SODIUM)
  find_package(CLI11 REQUIRED)
  # libcsv (RFC 4180) reads HRIS exports for the people import.
  find_library(TANDEM_CSV_LIBRARY csv REQUIRED)
  find_package(Threads REQUIRED)
endif()
