#pragma once
// Golden-image comparison with tolerances on the max and mean channel
// difference (Magnum-style). On failure writes NAME.actual.png and
// NAME.diff.png beside the golden; UPDATE_GOLDENS=1 rewrites the golden.
#include <string>

#include "gfx/image.hpp"

namespace testsupport {

struct ImageDiff {
  int max = 0;       // largest channel difference, 0..255
  double mean = 0.0; // mean channel difference over RGB
  bool same_size = true;
};

ImageDiff compareImages(const gfx::Image& a, const gfx::Image& b);
gfx::Image diffImage(const gfx::Image& a, const gfx::Image& b);

struct GoldenResult {
  bool ok = false;
  std::string message; // for the test log
};

GoldenResult checkGolden(const gfx::Image& actual, const std::string& name, int max_tolerance,
                         double mean_tolerance);

} // namespace testsupport
