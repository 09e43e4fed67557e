// The sample's quantities, once (sim/quantities.hpp).
#include "sim/quantities.hpp"

namespace sim {
namespace {

constexpr Quantity of(const char* name, double Sample::*member, double lo, double hi) {
  return {name, member, nullptr, lo, hi};
}
constexpr Quantity ofLumen(const char* name, double LumenShape::*lumen, double lo, double hi) {
  return {name, nullptr, lumen, lo, hi};
}

constexpr Quantity kQuantities[] = {
    of("needle_insertion", &Sample::needle_insertion, 0.0, 1.0),
    of("concentration_pct", &Sample::concentration_pct, 0.0, 100.0),
    of("endothelium_alive", &Sample::endothelium_alive, 0.0, 1.0),
    of("lumen_area_ratio", &Sample::lumen_area_ratio, 0.0, 2.0),
    ofLumen("lumen.area_ratio", &LumenShape::area_ratio, 0.0, 2.0),
    ofLumen("lumen.semi_x", &LumenShape::semi_x, 0.0, 2.0),
    ofLumen("lumen.semi_y", &LumenShape::semi_y, 0.0, 2.0),
    ofLumen("lumen.waist", &LumenShape::waist, 0.0, 1.0),
    of("spasm", &Sample::spasm, 0.0, 1.0),
    of("blanching", &Sample::blanching, 0.0, 1.0),
    of("thrombus", &Sample::thrombus, 0.0, 1.0),
    of("fibrosis", &Sample::fibrosis, 0.0, 1.0),
    of("inflammation", &Sample::inflammation, 0.0, 1.0),
    of("visibility", &Sample::visibility, 0.0, 1.0),
    of("compression_mmHg", &Sample::compression_mmHg, 0.0, 300.0),
    of("blood_speed_mm_s", &Sample::blood_speed_mm_s, 0.0, 1000.0),
    of("wheal", &Sample::wheal, 0.0, 1.0),
    of("wheal_ml", &Sample::wheal_ml, 0.0, 10.0),
    of("seal", &Sample::seal, 0.0, 1.0),
    of("tube_area_ratio", &Sample::tube_area_ratio, 0.0, 2.0),
    of("pigment", &Sample::pigment, 0.0, 1.0),
    of("clot_organised", &Sample::clot_organised, 0.0, 1.0),
};

} // namespace

const Quantity* sampleQuantities() {
  return kQuantities;
}

std::size_t sampleQuantityCount() {
  return sizeof(kQuantities) / sizeof(kQuantities[0]);
}

} // namespace sim
