# Release builds at -O2, like RelWithDebInfo: GCC 12 inlining at -O3 raises false -Wrestrict errors inside
# std::string (GCC bug 105651), fatal with HEXMAP_WERROR.
string(REPLACE "-O3" "-O2" CMAKE_CXX_FLAGS_RELEASE "${CMAKE_CXX_FLAGS_RELEASE}")

# One INTERFACE target carries the language level, warnings and sanitizers for every project target.
add_library(hexmap_options INTERFACE)
target_compile_features(hexmap_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(hexmap_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    $<$<BOOL:${HEXMAP_WERROR}>:-Werror>)
target_compile_definitions(hexmap_options INTERFACE
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    _FILE_OFFSET_BITS=64)

if(HEXMAP_SANITIZE)
    list(JOIN HEXMAP_SANITIZE "," _hexmap_san)
    target_compile_options(hexmap_options INTERFACE -fsanitize=${_hexmap_san} -fno-omit-frame-pointer -g1)
    target_link_options(hexmap_options INTERFACE -fsanitize=${_hexmap_san})
    if("undefined" IN_LIST HEXMAP_SANITIZE)
        target_compile_options(hexmap_options INTERFACE -fno-sanitize-recover=undefined)
    endif()
endif()
