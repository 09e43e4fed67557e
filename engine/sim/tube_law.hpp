#pragma once
// Cross-section of a collapsible vein under transmural pressure.
#include "sim/run.hpp"

namespace sim {

// Shapiro (J Biomech Eng 1977;99:126), as used for veins by Mueller & Toro 2014:
// p_tm / K = alpha^10 - alpha^(-3/2), alpha = A / A0.
double tubeLawPressure(double area_ratio, double stiffness);

// Inverse of tubeLawPressure: bracketed Newton-bisection on a strictly
// increasing function, so it always returns a finite alpha in [1e-3, 3].
double solveAreaRatio(double transmural_pressure, double stiffness);

// Area ratio at which the section buckles (p = -3K, clinical.md).
double bucklingAreaRatio();

// Maps an area ratio to the shape the renderer draws (modelling assumption,
// docs/model.md): circle above buckling, then a flattening ellipse, then a
// dumbbell whose waist closes, walls touching at alpha = 0.3.
LumenShape lumenShape(double area_ratio);

} // namespace sim
