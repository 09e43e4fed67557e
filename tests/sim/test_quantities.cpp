// The sample's quantities are listed once (sim/quantities.hpp); the comparison
// and the renderer's guard both walk that list, so each entry must name a
// distinct field, and a field added to Sample must be added to the list.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "sim/divergence.hpp"
#include "sim/quantities.hpp"

// A tripwire, not a layout rule: Sample grew or shrank. Add the new field to
// sim/quantities.cpp (or say here why it is not a quantity), then update the size.
// (528 bytes: 19 doubles, the lumen's shape, the phase and two flags, two arrays.)
static_assert(sizeof(sim::Sample) == 528,
              "sim::Sample changed: list its new quantity in sim/quantities.cpp");

TEST_CASE("quantities: each names its own field, and the comparison sees each one", "[sim]") {
  std::set<std::string> names;
  std::set<const double*> fields;
  const sim::Sample base;
  sim::Sample probe;
  for (std::size_t i = 0; i < sim::sampleQuantityCount(); ++i) {
    const sim::Quantity& q = sim::sampleQuantities()[i];
    INFO(q.name);
    CHECK(names.insert(q.name).second);
    CHECK(fields.insert(&q.in(probe)).second);
    CHECK(q.lo < q.hi);
    CHECK(q.lo <= q.in(base));
    CHECK(q.in(base) <= q.hi);
    sim::Sample s = base;
    q.in(s) = q.in(base) + 0.25 * (q.hi - q.lo);
    CHECK_FALSE(sim::sameState(base, s));
  }
}
