// The window rests when nothing changes and draws while anything does.
#include <catch2/catch.hpp>

#include "app/frame_pacer.hpp"

namespace {

// How many of the next `turns` turns draw a frame for the same activity.
int framesOver(app::FramePacer& p, const app::Activity& a, int turns) {
  int drawn = 0;
  for (int i = 0; i < turns; ++i) drawn += p.needFrame(a) ? 1 : 0;
  return drawn;
}

} // namespace

TEST_CASE("an untouched paused window draws its first frames, then rests") {
  app::FramePacer p;
  CHECK_FALSE(p.resting());
  CHECK(framesOver(p, {}, 100) == app::FramePacer::kSettleFrames);
  CHECK(p.resting());
}

TEST_CASE("each kind of activity keeps the window drawing, and it rests after") {
  app::Activity a;
  bool* kinds[] = {&a.input, &a.playing, &a.recording, &a.fading, &a.changed};
  for (bool* kind : kinds) {
    a = {};
    app::FramePacer p;
    framesOver(p, {}, 10); // resting
    REQUIRE(p.resting());
    *kind = true;
    CHECK(framesOver(p, a, 50) == 50); // every turn while it lasts
    CHECK_FALSE(p.resting());
    // Then a few settling frames (ImGui's layout, the last hover), then rest.
    CHECK(framesOver(p, {}, 50) == app::FramePacer::kSettleFrames);
    CHECK(p.resting());
  }
}

TEST_CASE("one event after resting draws the settling frames again") {
  app::FramePacer p;
  framesOver(p, {}, 10);
  app::Activity moved;
  moved.input = true;
  CHECK(p.needFrame(moved));
  CHECK(framesOver(p, {}, 10) == app::FramePacer::kSettleFrames);
  CHECK(p.resting());
}
