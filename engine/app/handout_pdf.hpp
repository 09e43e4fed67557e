#pragma once
// The handout's page layout, drawn with cairo into a PDF in memory: vector
// text in DejaVu Sans (embedded), the leg figure as vector art, the key
// moments as images. One page (a vein only examined) or three, A4 (US Letter for en-US); large calm
// type (body 11.5 pt), black on white, nothing told by colour alone.
#include <string>

#include "app/handout.hpp"
#include "core/error.hpp"

namespace app {

// The PDF's bytes, or an error (the font missing, cairo failing).
core::Result<std::string> handoutPdf(const HandoutContent& content);

} // namespace app
