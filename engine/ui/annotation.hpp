#pragma once
// Presenter annotation pen: freehand strokes drawn over the 3D view. Each
// stroke remembers the stage and the camera it was drawn in and is shown only
// while both are the same again (an arrow drawn on the thrombus must not float
// over another view). Points are kept in one growing buffer, reserved up
// front, so drawing allocates nothing per frame beyond stroke growth.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/vec2.hpp>

#include "render/camera.hpp"

namespace ui {

// A key for a camera pose: equal for poses within a small tolerance (0.25 deg,
// 0.02 mm), so a held stage camera keeps its key frame after frame.
std::uint64_t cameraKey(const render::CameraPose& pose);

class Annotations {
public:
  struct Stroke {
    int stage = -1;
    std::uint64_t camera = 0;
    std::size_t begin = 0, end = 0; // [begin, end) in points()
  };

  Annotations();

  // Starts a stroke at `p` (view pixels, relative to the view's top-left).
  void begin(int stage, std::uint64_t camera, glm::vec2 p);
  // Adds a point to the open stroke; points closer than `min_step` pixels to
  // the last one are skipped. No-op without an open stroke.
  void add(glm::vec2 p, float min_step = 2.0f);
  // Closes the open stroke; a stroke of a single point is kept as a dot.
  void end();
  bool drawing() const { return open_; }
  void clear();

  bool visible(const Stroke& s, int stage, std::uint64_t camera) const {
    return s.stage == stage && s.camera == camera;
  }
  std::size_t visibleCount(int stage, std::uint64_t camera) const;

  const std::vector<Stroke>& strokes() const { return strokes_; }
  const std::vector<glm::vec2>& points() const { return points_; }

private:
  std::vector<Stroke> strokes_;
  std::vector<glm::vec2> points_;
  bool open_ = false;
};

// Presenter-mode pen state kept in ScreenState.
struct PenState {
  bool on = false; // A or the Pen button
  Annotations strokes;
};

} // namespace ui

namespace ui {
struct ScreenInput;
struct ScreenState;
struct Fonts;
// Presenter mode: A toggles the pen, C clears; the pen toolbar, the drawing
// surface over the view (it takes the mouse, so no orbiting while drawing)
// and the strokes of this stage and camera.
void drawAnnotations(const ScreenInput& in, ScreenState& st, const Fonts& f, int stage_index);
// Where the pen toolbar goes (top right of the view, its words in this
// language), so the texts over the view keep clear of it; an empty rectangle
// when there is none (not presenting, or a frame for a file).
struct Rect;
Rect penToolbarRect(const ScreenInput& in, const ScreenState& st, const Fonts& f);
} // namespace ui
