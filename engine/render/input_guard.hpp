#pragma once
// The one boundary between the model (or a scene) and the pictures. The
// renderer never trusts a number it is given: every value of a sample, the
// scene's parameters and the frame's camera is checked here (finite, in its
// range). A bad value is replaced by the nearest allowed one (NaN by the
// field's neutral default), reported once per field in the log, and never
// reaches an index, a size or a loop bound.
#include <bitset>
#include <cstddef>
#include <string>

#include "render/frame.hpp"
#include "sim/params.hpp"
#include "sim/run.hpp"

namespace render {

class InputGuard {
public:
  // A copy of `in` whose sample, params, camera and scalars are all in range.
  // The returned pointers point into this guard: valid until the next call.
  const FrameInput& check(const FrameInput& in);
  // The scene's parameters, in the ranges of scene::keySchema().
  sim::Params checkParams(const sim::Params& params);

  // Names of the fields found bad so far (each once), for tests and the log.
  const std::string& reportedFields() const { return reported_names_; }
  std::size_t reportedCount() const { return reported_.count(); }

private:
  void report(std::size_t field, const char* name, double value, double used);
  sim::Sample sample_;
  sim::Params params_;
  FrameInput in_;
  std::bitset<96> reported_;
  std::string reported_names_;
};

// Every model sample field the guard checks, by name ("thrombus", "lumen.semi_x",
// "sclerosant[]"...), so tests can poison each one in turn.
std::size_t sampleFieldCount();
const char* sampleFieldName(std::size_t i);
// Sets field i of `s` to `v` (for every cell of an array field).
void setSampleField(sim::Sample& s, std::size_t i, double v);

} // namespace render
