#pragma once
// Every scalar quantity of a model sample, listed once: the comparison asks
// whether two states differ by walking this list, and the renderer's input
// guard cleans each one by it. A field added to Sample and missed here would
// be missed by both: tests/sim/test_quantities.cpp trips on Sample's size.
#include <cstddef>

#include "sim/run.hpp"

namespace sim {

struct Quantity {
  const char* name;
  double Sample::*member = nullptr;    // a quantity of the sample itself,
  double LumenShape::*lumen = nullptr; // or of its lumen's shape
  // What a picture can still show sensibly: generous bounds to catch garbage
  // (NaN, overflow), not the physiology.
  double lo = 0.0, hi = 1.0;

  double& in(Sample& s) const { return member ? s.*member : s.lumen.*lumen; }
  double in(const Sample& s) const { return member ? s.*member : s.lumen.*lumen; }
};

// The state's quantities (the sample's time and its arrays along the vein aside).
const Quantity* sampleQuantities();
std::size_t sampleQuantityCount();

} // namespace sim
