#pragma once
// When two runs of the model (the halves of a comparison) first differ: the
// one answer to "do the two sides look different yet?", so that the view
// says "they differ" only once the model says so.
#include "sim/run.hpp"

namespace sim {

// The first recorded time (s) at which the two runs' states differ: 0 where
// what is drawn from the start differs (the vein's kind and size, its depth,
// the skin), else the first of `a`'s samples whose state `b` does not share
// (phase, needle, lumen, lining, clot, stocking ...). -1 when they never
// differ over the time both record.
double firstDifference(const Run& a, const Run& b);

// Whether two samples hold the same state (their times aside): every
// quantity within a relative 1e-9, the same phase, posture and injection.
bool sameState(const Sample& a, const Sample& b);

} // namespace sim
