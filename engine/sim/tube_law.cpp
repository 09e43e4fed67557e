#include "sim/tube_law.hpp"

#include <algorithm>
#include <cmath>

#include "sim/constants.hpp"

namespace sim {
namespace {
constexpr double kAlphaMin = 1e-3;
constexpr double kAlphaMax = 3.0;

// Normalised tube law f(alpha) = alpha^10 - alpha^-1.5 (Shapiro 1977) and its slope.
double law(double a) {
  return std::pow(a, 10.0) - std::pow(a, -1.5);
}
double lawSlope(double a) {
  return 10.0 * std::pow(a, 9.0) + 1.5 * std::pow(a, -2.5);
}
} // namespace

double tubeLawPressure(double area_ratio, double stiffness) {
  return stiffness * law(std::clamp(area_ratio, kAlphaMin, kAlphaMax));
}

double solveAreaRatio(double transmural_pressure, double stiffness) {
  if (!(stiffness > 0.0) || !std::isfinite(transmural_pressure)) return 1.0;
  const double target = transmural_pressure / stiffness;
  double lo = kAlphaMin;
  double hi = kAlphaMax;
  if (target <= law(lo)) return lo;
  if (target >= law(hi)) return hi;
  // Newton from alpha = 1, falling back to bisection whenever a step leaves the
  // bracket: f is strictly increasing, so the bracket always holds the root.
  double a = 1.0;
  for (int i = 0; i < 60; ++i) {
    const double f = law(a) - target;
    if (f > 0.0)
      hi = a;
    else
      lo = a;
    if (std::abs(f) < 1e-12 * (1.0 + std::abs(target))) break;
    double next = a - f / lawSlope(a);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (std::abs(next - a) < 1e-14) {
      a = next;
      break;
    }
    a = next;
  }
  return a;
}

double bucklingAreaRatio() {
  static const double kAlpha = solveAreaRatio(k::kBucklingPressure_K, 1.0);
  return kAlpha;
}

LumenShape lumenShape(double area_ratio) {
  LumenShape s;
  const double a = std::clamp(area_ratio, 0.0, kAlphaMax);
  s.area_ratio = a;
  const double ab = bucklingAreaRatio();
  if (a >= ab) {
    // Above buckling the section stays round (assumption: radius follows area).
    s.semi_x = s.semi_y = std::sqrt(a);
    s.waist = 0.0;
    s.walls_touch = false;
    return s;
  }
  // Progress from buckling (0) to wall contact (1), beyond contact held at 1.
  const double u = std::clamp((ab - a) / (ab - k::kContactAreaRatio), 0.0, 1.0);
  const double rb = std::sqrt(ab);
  s.semi_x = rb + (k::kMaxSemiX - rb) * u;
  // Keep the drawn ellipse's area equal to the lumen area: pi*a*b = alpha*pi.
  s.semi_y = a / s.semi_x;
  // First half of the way an ellipse, second half a dumbbell whose waist closes.
  const double w = std::clamp((u - 0.5) / 0.5, 0.0, 1.0);
  s.waist = w * w * (3.0 - 2.0 * w);
  s.walls_touch = a <= k::kContactAreaRatio;
  return s;
}

} // namespace sim
