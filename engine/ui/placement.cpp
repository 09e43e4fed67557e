#include "ui/placement.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace ui {

bool overlaps(const Rect& r, const Rect& s) {
  return r.min.x < s.max.x && s.min.x < r.max.x && r.min.y < s.max.y && s.min.y < r.max.y;
}

bool contains(const Rect& outer, const Rect& inner) {
  return inner.min.x >= outer.min.x && inner.min.y >= outer.min.y && inner.max.x <= outer.max.x &&
         inner.max.y <= outer.max.y;
}

namespace {
// Distance from p to the segment a-b.
float distanceToSegment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 d = b - a;
  const float len2 = glm::dot(d, d);
  const float t = len2 > 1e-9f ? std::clamp(glm::dot(p - a, d) / len2, 0.0f, 1.0f) : 0.0f;
  return glm::length(p - (a + t * d));
}

float distanceToRect(glm::vec2 p, const Rect& r) {
  const glm::vec2 q = glm::clamp(p, r.min, r.max);
  return glm::length(p - q);
}
} // namespace

bool crosses(glm::vec2 a, glm::vec2 b, const Rect& r) {
  // Liang-Barsky clipping of the segment against the rectangle.
  float t0 = 0.0f, t1 = 1.0f;
  const glm::vec2 d = b - a;
  const float p[4] = {-d.x, d.x, -d.y, d.y};
  const float q[4] = {a.x - r.min.x, r.max.x - a.x, a.y - r.min.y, r.max.y - a.y};
  for (int i = 0; i < 4; ++i) {
    if (std::fabs(p[i]) < 1e-9f) {
      if (q[i] < 0.0f) return false;
      continue;
    }
    const float t = q[i] / p[i];
    if (p[i] < 0.0f) {
      t0 = std::max(t0, t);
    } else {
      t1 = std::min(t1, t);
    }
    if (t0 > t1) return false;
  }
  return true;
}

bool overlaps(const Rect& r, const Capsule& c) {
  // The capsule touches the rectangle when its axis comes within `radius` of it:
  // the axis crosses it, or an end or a corner lies within reach.
  if (crosses(c.a, c.b, r)) return true;
  if (distanceToRect(c.a, r) < c.radius || distanceToRect(c.b, r) < c.radius) return true;
  const glm::vec2 corners[4] = {r.min, {r.max.x, r.min.y}, r.max, {r.min.x, r.max.y}};
  for (const glm::vec2& k : corners)
    if (distanceToSegment(k, c.a, c.b) < c.radius) return true;
  return false;
}

bool Placer::clearOfVein(const Rect& r) const {
  return std::none_of(vein_.begin(), vein_.end(), [&](const Capsule& c) { return overlaps(r, c); });
}

bool Placer::isFree(const Rect& r) const {
  if (!contains(area_, r) || !clearOfVein(r)) return false;
  for (const auto& [a, b] : lines_)
    if (crosses(a, b, r)) return false;
  return std::none_of(boxes_.begin(), boxes_.end(), [&](const Rect& b) { return overlaps(r, b); });
}

bool segmentsCross(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d) {
  auto side = [](glm::vec2 p, glm::vec2 q, glm::vec2 r) {
    return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  };
  const float d1 = side(c, d, a), d2 = side(c, d, b), d3 = side(a, b, c), d4 = side(a, b, d);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

float segmentDistance(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d) {
  if (segmentsCross(a, b, c, d)) return 0.0f;
  return std::min({distanceToSegment(a, c, d), distanceToSegment(b, c, d),
                   distanceToSegment(c, a, b), distanceToSegment(d, a, b)});
}

bool leadersTangle(glm::vec2 from_a, glm::vec2 to_a, glm::vec2 from_b, glm::vec2 to_b) {
  const float own = glm::distance(from_a, to_a) + glm::distance(from_b, to_b);
  const float swapped = glm::distance(from_a, to_b) + glm::distance(from_b, to_a);
  return own > swapped + 1.0f; // a pixel's slack for lines that merely touch
}

std::optional<Rect> Placer::place(const std::vector<Rect>& candidates) {
  for (const Rect& r : candidates) {
    if (isFree(r)) {
      boxes_.push_back(r);
      return r;
    }
  }
  return std::nullopt;
}

bool Placer::leaderFree(glm::vec2 from, glm::vec2 to, const Rect& own, float gap) const {
  for (const Rect& b : boxes_) {
    if (b.min == own.min && b.max == own.max) continue;
    if (crosses(from, to, b)) return false;
  }
  for (const auto& [a, b] : lines_)
    if (segmentsCross(from, to, a, b) || segmentDistance(from, to, a, b) < gap) return false;
  return true;
}

} // namespace ui
