#pragma once
// The leg figure's geometry, shared by the window's Assessment picture
// (ui/leg_figure.cpp, ImGui) and the printed handout (app/handout_pdf.cpp,
// cairo), so both show the same legs and the same treated spots. Pure data:
// no drawing library here.
#include <cstddef>

namespace ui {

// One leg as rows down its axis: height fraction, axis offset from the body's
// midline and half width (all in leg heights). Each pair of rows is a convex
// quad, so the silhouette fills cleanly although the outline is concave.
struct LegRow {
  float y, axis, half;
};
inline constexpr LegRow kLegRows[] = {
    {0.00f, 0.075f, 0.085f}, {0.10f, 0.078f, 0.082f}, {0.25f, 0.074f, 0.072f},
    {0.40f, 0.068f, 0.056f}, {0.48f, 0.066f, 0.047f}, {0.55f, 0.066f, 0.050f},
    {0.65f, 0.064f, 0.056f}, {0.78f, 0.060f, 0.040f}, {0.90f, 0.056f, 0.026f},
    {0.95f, 0.056f, 0.030f}, {1.00f, 0.058f, 0.036f}};
inline constexpr int kLegRowCount = static_cast<int>(sizeof kLegRows / sizeof kLegRows[0]);

// The feet below the last row, as convex outlines around the ankle's centre:
// dx outward from the body's midline, dy down from the ankle (leg heights).
// Front view: the foot comes towards the viewer (toes, foreshortened); back
// view: the heel.
struct FootPoint {
  float dx, dy;
};
inline constexpr FootPoint kFootFront[] = {{-0.036f, 0.000f}, {-0.041f, 0.022f}, {-0.046f, 0.046f},
                                           {-0.043f, 0.064f}, {-0.028f, 0.074f}, {0.000f, 0.077f},
                                           {0.030f, 0.075f},  {0.049f, 0.066f},  {0.056f, 0.050f},
                                           {0.047f, 0.024f},  {0.036f, 0.000f}};
inline constexpr FootPoint kFootBack[] = {{-0.036f, 0.000f}, {-0.038f, 0.020f}, {-0.035f, 0.038f},
                                          {-0.023f, 0.050f}, {0.000f, 0.054f},  {0.023f, 0.050f},
                                          {0.035f, 0.038f},  {0.038f, 0.020f},  {0.036f, 0.000f}};

// Layout of the front (left) and back (right) pair inside the figure's box:
// leg height and top as fractions of the box height, the pairs' centres
// +-gap (in leg heights) from the box's centre.
inline constexpr float kLegHeight = 0.68f, kLegTop = 0.17f, kLegPairGap = 0.55f;

// The spider-vein clusters: which view (0 front, 1 back), centre offset from
// the view's centre line and from the hip (leg heights), radius (leg heights).
struct LegCluster {
  int view;
  float dx, dy, radius;
};
// To the leg's scale: a leg height (hip to sole) is about 85 cm, so 0.02 draws
// the dashed extent ring (2.3 r wide, 1.74 r high) about 4 x 3 cm, the size
// its label gives (leg.cluster_size).
inline constexpr LegCluster kLegClusters[] = {
    {0, -0.105f, 0.27f, 0.020f}, // outer right thigh, front
    {1, 0.066f, 0.52f, 0.020f},  // behind the left knee, back
};

} // namespace ui
