# Every dependency comes from a Debian package (scripts/setup.sh installs them).
# A missing one stops the configure step with the package to install.
find_package(PkgConfig QUIET)

macro(sclerosim_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR "sclerosim: ${what} not found. Install the Debian package '${package}' "
                        "(or run scripts/setup.sh).")
  endif()
endmacro()

sclerosim_require(PkgConfig_FOUND "pkg-config" "pkg-config")

find_package(SDL2 CONFIG QUIET)
sclerosim_require(SDL2_FOUND "SDL2" "libsdl2-dev")

find_package(glm CONFIG QUIET)
sclerosim_require(glm_FOUND "GLM" "libglm-dev")

find_package(tomlplusplus CONFIG QUIET)
sclerosim_require(tomlplusplus_FOUND "toml++" "libtomlplusplus-dev")

find_package(CLI11 CONFIG QUIET)
sclerosim_require(CLI11_FOUND "CLI11" "libcli11-dev")

find_package(nlohmann_json CONFIG QUIET)
sclerosim_require(nlohmann_json_FOUND "nlohmann-json" "nlohmann-json3-dev")

find_package(Catch2 2 CONFIG QUIET)
sclerosim_require(Catch2_FOUND "Catch2 v2" "catch2")

pkg_check_modules(IMGUI QUIET IMPORTED_TARGET imgui)
sclerosim_require(IMGUI_FOUND "Dear ImGui" "libimgui-dev")

pkg_check_modules(EPOXY QUIET IMPORTED_TARGET epoxy)
sclerosim_require(EPOXY_FOUND "libepoxy (OpenGL loader)" "libepoxy-dev")

# The patient handout (app/handout_pdf.cpp): PDF with embedded fonts through FreeType.
pkg_check_modules(CAIRO QUIET IMPORTED_TARGET cairo cairo-pdf cairo-ft)
sclerosim_require(CAIRO_FOUND "cairo (PDF handout)" "libcairo2-dev")

find_library(STB_LIBRARY stb)
find_path(STB_INCLUDE_DIR stb/stb_image_write.h)
if(NOT STB_LIBRARY OR NOT STB_INCLUDE_DIR)
  set(STB_FOUND FALSE)
else()
  set(STB_FOUND TRUE)
endif()
sclerosim_require(STB_FOUND "stb (stb_image_write)" "libstb-dev")
add_library(sclerosim_stb INTERFACE)
target_include_directories(sclerosim_stb INTERFACE ${STB_INCLUDE_DIR})
target_link_libraries(sclerosim_stb INTERFACE ${STB_LIBRARY})

find_package(Freetype QUIET)
sclerosim_require(FREETYPE_FOUND "FreeType (needed by Debian's libimgui)" "libfreetype-dev")

# Debian's libimgui.a carries the SDL2 and OpenGL3 backends inside; it needs
# SDL2, FreeType and stb at link time.
add_library(sclerosim_imgui INTERFACE)
target_link_libraries(sclerosim_imgui INTERFACE PkgConfig::IMGUI SDL2::SDL2 Freetype::Freetype
                                                ${STB_LIBRARY} ${CMAKE_DL_LIBS})
target_include_directories(sclerosim_imgui INTERFACE ${IMGUI_INCLUDE_DIRS})
