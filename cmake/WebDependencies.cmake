# The page's build (emcmake cmake, emscripten 3.1.6; scripts/build-web.sh).
# Everything still comes from Debian packages: the header-only libraries from
# /usr/include (each folder linked alone into the build tree, so no desktop
# system header can reach the WebAssembly build), Dear ImGui 1.86 compiled
# from Debian's `imgui` source package, stb's implementations compiled here.
# No SDL, libepoxy, cairo or ffmpeg: the page has its own platform backend
# (engine/platform/*_web.cpp) and leaves video and the PDF handout out.
# C++ exceptions are caught in the page as on the desktop (toml++, CLI11, nlohmann-json).
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

set(SCLEROSIM_IMGUI_SOURCE "" CACHE PATH "Dear ImGui 1.86 sources (apt-get source imgui)")
if(NOT EXISTS "${SCLEROSIM_IMGUI_SOURCE}/imgui.cpp")
  message(FATAL_ERROR "sclerosim: set SCLEROSIM_IMGUI_SOURCE to Debian's imgui sources "
                      "('apt-get source imgui', as scripts/build-web.sh does).")
endif()

set(SCLEROSIM_DEBIAN_INCLUDE ${CMAKE_BINARY_DIR}/debian-include)
file(MAKE_DIRECTORY ${SCLEROSIM_DEBIAN_INCLUDE})
foreach(dir glm toml++ CLI nlohmann stb)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "sclerosim: /usr/include/${dir} not found (run scripts/setup.sh).")
  endif()
  file(CREATE_LINK /usr/include/${dir} ${SCLEROSIM_DEBIAN_INCLUDE}/${dir} SYMBOLIC)
endforeach()

add_library(sclerosim_debian_headers INTERFACE)
target_include_directories(sclerosim_debian_headers SYSTEM INTERFACE ${SCLEROSIM_DEBIAN_INCLUDE})
add_library(glm::glm ALIAS sclerosim_debian_headers)
add_library(tomlplusplus::tomlplusplus ALIAS sclerosim_debian_headers)
add_library(CLI11::CLI11 ALIAS sclerosim_debian_headers)
add_library(nlohmann_json::nlohmann_json ALIAS sclerosim_debian_headers)

add_library(sclerosim_stb STATIC ${PROJECT_SOURCE_DIR}/cmake/web/stb_impl.c)
target_link_libraries(sclerosim_stb PUBLIC sclerosim_debian_headers)

# As Debian builds libimgui (its Makefile patch): stb from libstb-dev's headers.
set(_imgui ${SCLEROSIM_IMGUI_SOURCE})
add_library(sclerosim_imgui STATIC ${_imgui}/imgui.cpp ${_imgui}/imgui_draw.cpp
                                   ${_imgui}/imgui_tables.cpp ${_imgui}/imgui_widgets.cpp
                                   ${_imgui}/imgui_demo.cpp ${_imgui}/backends/imgui_impl_opengl3.cpp)
target_include_directories(sclerosim_imgui SYSTEM PUBLIC ${_imgui})
target_compile_definitions(sclerosim_imgui
  PUBLIC IMGUI_IMPL_OPENGL_ES3
  PRIVATE IMGUI_DISABLE_STB_RECT_PACK_IMPLEMENTATION "IMGUI_STB_RECT_PACK_FILENAME=<stb/stb_rect_pack.h>"
          IMGUI_DISABLE_STB_TRUETYPE_IMPLEMENTATION "IMGUI_STB_TRUETYPE_FILENAME=<stb/stb_truetype.h>")
target_link_libraries(sclerosim_imgui PUBLIC sclerosim_stb)


# clang's -Wconversion also warns on signedness, g++'s (the desktop's, where
# CI's -Werror applies first) does not: the same set of warnings in both builds.
target_compile_options(sclerosim_warnings INTERFACE -Wno-sign-conversion)
