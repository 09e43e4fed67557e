#include "support/golden.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace testsupport {

ImageDiff compareImages(const gfx::Image& a, const gfx::Image& b) {
  ImageDiff d;
  if (a.width != b.width || a.height != b.height) {
    d.same_size = false;
    d.max = 255;
    d.mean = 255.0;
    return d;
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    for (std::size_t c = 0; c < 3; ++c) {
      const int diff = std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c]));
      d.max = std::max(d.max, diff);
      sum += diff;
    }
  }
  d.mean = a.rgba.empty() ? 0.0 : sum / (static_cast<double>(a.rgba.size()) / 4.0 * 3.0);
  return d;
}

gfx::Image diffImage(const gfx::Image& a, const gfx::Image& b) {
  gfx::Image out = a;
  if (a.width != b.width || a.height != b.height) return out;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
    int m = 0;
    for (std::size_t c = 0; c < 3; ++c)
      m = std::max(m, std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])));
    // Differences glow red over a faded copy of the actual image.
    const auto faded =
        static_cast<std::uint8_t>((a.rgba[i] + a.rgba[i + 1] + a.rgba[i + 2]) / 12 + 160);
    const auto boost = static_cast<std::uint8_t>(std::min(255, m * 4));
    out.rgba[i] = m > 0 ? std::max(boost, faded) : faded;
    out.rgba[i + 1] = m > 0 ? static_cast<std::uint8_t>(faded / 3) : faded;
    out.rgba[i + 2] = m > 0 ? static_cast<std::uint8_t>(faded / 3) : faded;
    out.rgba[i + 3] = 255;
  }
  return out;
}

GoldenResult checkGolden(const gfx::Image& actual, const std::string& name, int max_tol,
                         double mean_tol) {
  namespace fs = std::filesystem;
  const fs::path dir(SCLEROSIM_GOLDEN_DIR);
  const fs::path golden = dir / (name + ".png");
  const fs::path actual_path = dir / (name + ".actual.png");
  const fs::path diff_path = dir / (name + ".diff.png");
  GoldenResult r;
  const char* update = std::getenv("UPDATE_GOLDENS");
  if (update && std::strcmp(update, "1") == 0) {
    fs::create_directories(dir);
    auto w = gfx::writePng(actual, golden.string());
    r.ok = w.ok();
    r.message = w.ok() ? "golden updated: " + golden.string() + " (look at it before committing)"
                       : core::formatAll(w.errors());
    return r;
  }
  auto expected = gfx::readPng(golden.string());
  if (!expected) {
    (void)gfx::writePng(actual, actual_path.string());
    r.message = "no golden " + golden.string() + "; wrote " + actual_path.string() +
                " (run with UPDATE_GOLDENS=1 to accept it)";
    return r;
  }
  const ImageDiff d = compareImages(actual, expected.value());
  std::ostringstream ss;
  ss << name << ": max diff " << d.max << " (tolerance " << max_tol << "), mean " << d.mean
     << " (tolerance " << mean_tol << ")";
  r.ok = d.same_size && d.max <= max_tol && d.mean <= mean_tol;
  if (!r.ok) {
    (void)gfx::writePng(actual, actual_path.string());
    (void)gfx::writePng(diffImage(actual, expected.value()), diff_path.string());
    ss << "; wrote " << actual_path.string() << " and " << diff_path.string();
  } else {
    std::error_code ec;
    fs::remove(actual_path, ec);
    fs::remove(diff_path, ec);
  }
  r.message = ss.str();
  return r;
}

} // namespace testsupport
