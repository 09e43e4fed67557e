# Warnings every target of ours gets; -Werror when CI is set (CI=true in .ci/run)
# or SCLEROSIM_WERROR=ON, so local iteration is not blocked by a stray warning.
option(SCLEROSIM_WERROR "Treat warnings as errors" OFF)
if(DEFINED ENV{CI})
  set(SCLEROSIM_WERROR ON)
endif()

add_library(sclerosim_warnings INTERFACE)
target_compile_options(sclerosim_warnings INTERFACE -Wall -Wextra -Wconversion -Wshadow)
if(SCLEROSIM_WERROR)
  target_compile_options(sclerosim_warnings INTERFACE -Werror)
endif()

# sclerosim_layer(NAME SOURCES... DEPS ...): one static library per engine layer.
function(sclerosim_layer name)
  cmake_parse_arguments(L "" "" "SOURCES;DEPS" ${ARGN})
  add_library(sclerosim_${name} STATIC ${L_SOURCES})
  target_include_directories(sclerosim_${name} PUBLIC ${PROJECT_SOURCE_DIR}/engine)
  target_link_libraries(sclerosim_${name} PUBLIC ${L_DEPS} PRIVATE sclerosim_warnings)
endfunction()
