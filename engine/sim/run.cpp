// Placeholder until the model lands (issue 4).
#include "sim/run.hpp"
