#pragma once
// The one header through which GL enters the code base (libepoxy loads the
// entry points). Only files under engine/gfx/ may include it.
#include <epoxy/gl.h>
