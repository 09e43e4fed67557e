#pragma once
// The one header through which GL enters the code base. Only files under
// engine/gfx/ may include it. The desktop loads OpenGL 3.3 core through
// libepoxy; the page (emscripten) has WebGL 2, i.e. OpenGL ES 3.0, whose
// functions are a subset of what gfx/ calls there.
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <epoxy/gl.h>
#endif
