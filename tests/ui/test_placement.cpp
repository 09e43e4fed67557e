// The placer that keeps texts off the vein and off each other (pure geometry).
#include <catch2/catch.hpp>

#include "ui/placement.hpp"

using ui::Capsule;
using ui::Placer;
using ui::Rect;

TEST_CASE("placement: rectangles, capsules and segments", "[ui]") {
  const Rect r{{10, 10}, {30, 20}};
  CHECK(ui::overlaps(r, Rect{{25, 15}, {40, 30}}));
  CHECK_FALSE(ui::overlaps(r, Rect{{30, 10}, {40, 20}}));   // touching edges do not overlap
  CHECK(ui::overlaps(r, Capsule{{0, 0}, {40, 40}, 1.0f}));  // the axis crosses it
  CHECK(ui::overlaps(r, Capsule{{0, 25}, {40, 25}, 6.0f})); // within reach below it
  CHECK_FALSE(ui::overlaps(r, Capsule{{0, 25}, {40, 25}, 4.0f}));
  CHECK(ui::crosses({0, 15}, {50, 15}, r));
  CHECK_FALSE(ui::crosses({0, 0}, {50, 0}, r));
  CHECK(ui::segmentsCross({0, 0}, {10, 10}, {0, 10}, {10, 0}));
  CHECK_FALSE(ui::segmentsCross({0, 0}, {10, 0}, {0, 5}, {10, 5}));
}

TEST_CASE("placement: the first free candidate, clear of the vein, boxes and lines", "[ui]") {
  Placer p(Rect{{0, 0}, {200, 100}});
  p.keepClear(Capsule{{0, 50}, {200, 50}, 10.0f}); // a vein across the middle
  const Rect over_vein = Rect::at({20, 45}, {40, 10});
  const Rect top = Rect::at({20, 10}, {40, 20});
  const Rect outside = Rect::at({180, 10}, {40, 20});
  CHECK_FALSE(p.isFree(over_vein));
  CHECK_FALSE(p.isFree(outside));
  const auto a = p.place({over_vein, outside, top});
  REQUIRE(a);
  CHECK(a->min == top.min);
  CHECK_FALSE(p.isFree(top)); // taken now
  CHECK_FALSE(p.place({over_vein, top}));
  p.keepClearLine({100, 0}, {100, 40});
  CHECK_FALSE(p.isFree(Rect::at({90, 5}, {20, 10}))); // a leader line runs through it
  const Rect own = Rect::at({0, 0}, {1, 1});
  CHECK_FALSE(p.leaderFree({80, 20}, {120, 20}, own, 0.0f)); // crosses the line
  CHECK(p.leaderFree({120, 20}, {150, 20}, own, 0.0f));
  // Converging: ends 5 px beside the line's end, no crossing, yet too close.
  CHECK_FALSE(p.leaderFree({150, 60}, {105, 40}, own, 12.0f));
  CHECK(p.leaderFree({150, 60}, {105, 40}, own, 4.0f));
  CHECK(p.leaderFree({150, 60}, {125, 40}, own, 12.0f));
}

TEST_CASE("placement: the distance between two segments", "[ui]") {
  CHECK(ui::segmentDistance({0, 0}, {10, 0}, {0, 5}, {10, 5}) == Approx(5.0f));
  CHECK(ui::segmentDistance({0, 0}, {10, 10}, {0, 10}, {10, 0}) == 0.0f);        // they cross
  CHECK(ui::segmentDistance({0, 0}, {10, 0}, {13, 4}, {20, 4}) == Approx(5.0f)); // end to end
}
