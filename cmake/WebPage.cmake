# The page's files (included from engine/app/CMakeLists.txt when building with
# emscripten): index.js + index.wasm (the app), index.data (shaders, scenes,
# catalogues and the two DejaVu fonts, at the paths core::dataPath and
# core::findFont look in) and index.html (web/index.html, our own page: emcc's
# HTML minifier is not packaged in Debian).
set_target_properties(sclerosim PROPERTIES OUTPUT_NAME index SUFFIX .js)
set(_fonts /usr/share/fonts/truetype/dejavu)
foreach(font DejaVuSans.ttf DejaVuSans-Bold.ttf)
  if(NOT EXISTS ${_fonts}/${font})
    message(FATAL_ERROR "sclerosim: ${_fonts}/${font} not found (Debian package fonts-dejavu-core).")
  endif()
endforeach()
target_link_options(sclerosim PRIVATE
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=134217728 -sENVIRONMENT=web
  -sDISABLE_EXCEPTION_CATCHING=0
  "SHELL:--preload-file ${PROJECT_SOURCE_DIR}/shaders@/shaders"
  "SHELL:--preload-file ${PROJECT_SOURCE_DIR}/scenes@/scenes"
  "SHELL:--preload-file ${PROJECT_SOURCE_DIR}/assets@/assets"
  "SHELL:--preload-file ${_fonts}/DejaVuSans.ttf@${_fonts}/DejaVuSans.ttf"
  "SHELL:--preload-file ${_fonts}/DejaVuSans-Bold.ttf@${_fonts}/DejaVuSans-Bold.ttf")
# A changed shader, scene or catalogue packs the data file again.
file(GLOB _data CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/shaders/* ${PROJECT_SOURCE_DIR}/scenes/*
     ${PROJECT_SOURCE_DIR}/assets/*)
set_property(TARGET sclerosim APPEND PROPERTY LINK_DEPENDS ${_data})
add_custom_command(TARGET sclerosim POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/web/index.html
          $<TARGET_FILE_DIR:sclerosim>/index.html)
