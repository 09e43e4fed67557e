#include "render/input_guard.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/log.hpp"
#include "scene/schema.hpp"
#include "sim/quantities.hpp"

namespace render {
namespace {

// Field 0 is the sample's time; then every quantity of sim/quantities.hpp (its
// ranges are generous: the guard catches garbage, it does not second-guess the model).
constexpr std::size_t kQuantityBase = 1;
const std::size_t kQuantityCount = sim::sampleQuantityCount();
constexpr double kMaxTime = 1e9;

// Along-the-segment arrays: free sclerosant in % (w/v), lining alive 0..1.
const std::size_t kSclerosantField = kQuantityBase + kQuantityCount;
const std::size_t kLiningField = kSclerosantField + 1;
const std::size_t kAllSampleFields = kLiningField + 1;

// Scene parameters, ranged by the scene schema (one table for the loader, --set and here).
struct ParamField {
  const char* key;
  double* (*member)(sim::Params&);
};
const ParamField kParamFields[] = {
    {"vein.diameter_mm", [](sim::Params& p) { return &p.vein.diameter_mm; }},
    {"vein.depth_mm", [](sim::Params& p) { return &p.vein.depth_mm; }},
    {"agent.concentration_pct", [](sim::Params& p) { return &p.agent.concentration_pct; }},
    {"agent.volume_ml", [](sim::Params& p) { return &p.agent.volume_ml; }},
    {"injection.duration_s", [](sim::Params& p) { return &p.injection.duration_s; }},
    {"compression.pressure_mmHg", [](sim::Params& p) { return &p.compression.pressure_mmHg; }},
    {"compression.days", [](sim::Params& p) { return &p.compression.days; }},
};
constexpr std::size_t kParamBase = 32;
constexpr std::size_t kCameraBase = 64;
constexpr std::size_t kFrameBase = 80;

// NaN becomes the field's neutral value, +-inf and out-of-range values the nearest bound.
double clean(double v, double lo, double hi, double fallback) {
  if (std::isnan(v)) return std::clamp(fallback, lo, hi);
  return std::clamp(v, lo, hi);
}

bool changed(double before, double after) {
  return std::isnan(before) || before != after;
}

} // namespace

std::size_t sampleFieldCount() {
  return kAllSampleFields;
}

const char* sampleFieldName(std::size_t i) {
  if (i < kQuantityBase) return "time_s";
  if (i < kSclerosantField) return sim::sampleQuantities()[i - kQuantityBase].name;
  if (i == kSclerosantField) return "sclerosant[]";
  if (i == kLiningField) return "lining[]";
  return "?";
}

void setSampleField(sim::Sample& s, std::size_t i, double v) {
  if (i < kQuantityBase) {
    s.time_s = v;
  } else if (i < kSclerosantField) {
    sim::sampleQuantities()[i - kQuantityBase].in(s) = v;
  } else if (i == kSclerosantField) {
    s.sclerosant.fill(static_cast<float>(v));
  } else if (i == kLiningField) {
    s.lining.fill(static_cast<float>(v));
  }
}

void InputGuard::report(std::size_t field, const char* name, double value, double used) {
  if (field >= reported_.size() || reported_.test(field)) return;
  reported_.set(field);
  if (!reported_names_.empty()) reported_names_ += ' ';
  reported_names_ += name;
  char msg[256];
  std::snprintf(msg, sizeof msg, "renderer input: %s = %g is %s; drawn as %g (reported once)", name,
                value, std::isnan(value) ? "not a number" : "out of range", used);
  core::logWarn(msg);
}

const FrameInput& InputGuard::check(const FrameInput& in) {
  in_ = in;
  if (!in.sample || !in.params) return in_;
  sample_ = *in.sample;
  const sim::Sample neutral;
  const double time = sample_.time_s;
  sample_.time_s = clean(time, 0.0, kMaxTime, neutral.time_s);
  if (changed(time, sample_.time_s)) report(0, "time_s", time, sample_.time_s);
  for (std::size_t i = 0; i < kQuantityCount; ++i) {
    const sim::Quantity& q = sim::sampleQuantities()[i];
    double& v = q.in(sample_);
    const double before = v;
    v = clean(v, q.lo, q.hi, q.in(neutral));
    if (changed(before, v)) report(kQuantityBase + i, q.name, before, v);
  }
  const auto cleanArray = [this](auto& cells, std::size_t field, double hi) {
    for (float& c : cells) {
      const float before = c;
      c = static_cast<float>(clean(c, 0.0, hi, 0.0));
      if (changed(before, c)) report(field, sampleFieldName(field), before, c);
    }
  };
  cleanArray(sample_.sclerosant, kSclerosantField, 100.0);
  cleanArray(sample_.lining, kLiningField, 1.0);
  in_.sample = &sample_;

  params_ = checkParams(*in.params);
  in_.params = &params_;

  // Camera and frame scalars (from the director, the user's orbit or a saved view).
  const CameraPose def;
  CameraPose& c = in_.camera;
  const auto cam = [this](float& v, std::size_t field, const char* name, double lo, double hi,
                          double fallback) {
    const float before = v;
    v = static_cast<float>(clean(v, lo, hi, fallback));
    if (changed(before, v)) report(field, name, before, v);
  };
  cam(c.yaw_deg, kCameraBase + 0, "camera.yaw_deg", -1e4, 1e4, def.yaw_deg);
  cam(c.pitch_deg, kCameraBase + 1, "camera.pitch_deg", -90.0, 90.0, def.pitch_deg);
  cam(c.distance, kCameraBase + 2, "camera.distance", 1e-2, 1e5, def.distance);
  cam(c.fov_deg, kCameraBase + 3, "camera.fov_deg", 1.0, 170.0, def.fov_deg);
  cam(c.target.x, kCameraBase + 4, "camera.target.x", -1e5, 1e5, 0.0);
  cam(c.target.y, kCameraBase + 5, "camera.target.y", -1e5, 1e5, 0.0);
  cam(c.target.z, kCameraBase + 6, "camera.target.z", -1e5, 1e5, 0.0);
  cam(in_.cut_open, kFrameBase + 0, "cut_open", 0.0, 1.0, 1.0);
  cam(in_.cleanse, kFrameBase + 1, "cleanse", 0.0, 1.0, 0.0);
  const double flow = in_.flow_mm;
  in_.flow_mm = clean(flow, 0.0, 1e9, 0.0);
  if (changed(flow, in_.flow_mm)) report(kFrameBase + 2, "flow_mm", flow, in_.flow_mm);
  return in_;
}

sim::Params InputGuard::checkParams(const sim::Params& params) {
  sim::Params p = params;
  sim::Params neutral;
  for (std::size_t i = 0; i < sizeof(kParamFields) / sizeof(kParamFields[0]); ++i) {
    const ParamField& f = kParamFields[i];
    const scene::KeyInfo* k = scene::findKey(f.key);
    const double lo = k ? k->min : -1e6, hi = k ? k->max : 1e6;
    double& v = *f.member(p);
    const double before = v;
    v = clean(v, lo, hi, *f.member(neutral));
    if (changed(before, v)) report(kParamBase + i, f.key, before, v);
  }
  const auto integer = [this](int& v, std::size_t field, const char* key) {
    const scene::KeyInfo* k = scene::findKey(key);
    if (!k) return;
    const int before = v;
    v = std::clamp(v, static_cast<int>(k->min), static_cast<int>(k->max));
    if (before != v) report(field, key, before, v);
  };
  integer(p.injection.needle_gauge, kParamBase + 16, "injection.needle_gauge");
  integer(p.patient.skin_tone, kParamBase + 17, "patient.skin_tone");
  return p;
}

} // namespace render
