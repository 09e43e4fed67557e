#pragma once
// Where text boxes go on the 3D view: each box takes the first of its candidate
// places that stays inside the view and clear of the vein and of every box
// already placed (title, clock, captions, legend, labels), so no text covers
// the vein or another text. Pure geometry (no ImGui) so tests can check it.
#include <optional>
#include <utility>
#include <vector>

#include <glm/vec2.hpp>

namespace ui {

struct Rect {
  glm::vec2 min{0, 0}, max{0, 0};
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  Rect grown(float by) const { return {min - glm::vec2(by), max + glm::vec2(by)}; }
  static Rect at(glm::vec2 top_left, glm::vec2 size) { return {top_left, top_left + size}; }
};

// A thick line on screen: a stretch of the vein between two projected points.
struct Capsule {
  glm::vec2 a{0, 0}, b{0, 0};
  float radius = 0.0f;
};

bool overlaps(const Rect& r, const Rect& s);
bool overlaps(const Rect& r, const Capsule& c);
bool contains(const Rect& outer, const Rect& inner);
bool crosses(glm::vec2 a, glm::vec2 b, const Rect& r); // the segment a-b passes through r

class Placer {
public:
  explicit Placer(Rect area) : area_(area) {}
  const Rect& area() const { return area_; }
  void keepClear(const Rect& r) { boxes_.push_back(r); }
  void keepClear(const Capsule& c) { vein_.push_back(c); }
  // Inside the area and clear of the vein and of every box kept clear.
  bool isFree(const Rect& r) const;
  bool clearOfVein(const Rect& r) const;
  // The first free candidate, kept clear from now on; nullopt when none is free.
  std::optional<Rect> place(const std::vector<Rect>& candidates);
  // A leader line from a label to its anchor: crosses no box kept clear
  // (except `own`, the label it starts from) and stays at least `gap` pixels
  // from every other leader line (lines that converge read as one).
  bool leaderFree(glm::vec2 from, glm::vec2 to, const Rect& own, float gap) const;
  void keepClearLine(glm::vec2 from, glm::vec2 to) { lines_.push_back({from, to}); }
  const std::vector<Rect>& boxes() const { return boxes_; }
  const std::vector<std::pair<glm::vec2, glm::vec2>>& lines() const { return lines_; }

private:
  Rect area_;
  std::vector<Rect> boxes_;
  std::vector<Capsule> vein_;
  std::vector<std::pair<glm::vec2, glm::vec2>> lines_; // leader lines: no box goes over them
};

bool segmentsCross(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d);
// The shortest distance between the segments a-b and c-d (0 when they cross).
float segmentDistance(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d);
// Two leader lines, each from its label to its dot, are tangled when they
// would be shorter together with the dots swapped: lines that cross always
// are, and so are two that pass each other like an X with a gap (one label's
// line running past the other's dot to the far end of the vein).
bool leadersTangle(glm::vec2 from_a, glm::vec2 to_a, glm::vec2 from_b, glm::vec2 to_b);

} // namespace ui
