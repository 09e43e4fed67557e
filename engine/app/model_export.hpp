#pragma once
// Writes the model's time series (--export-sim) and outcome summary (--report).
#include <string>

#include "core/error.hpp"
#include "sim/run.hpp"

namespace app {

// Header, then one row per recorded sample. The first nine columns are the
// contract in DESIGN.md; more follow.
std::string simCsv(const sim::Run& run);

// The outcome summary as JSON (DESIGN.md fields, then extras), pretty-printed.
std::string reportJson(const sim::Run& run);

// Writes to a temporary file beside `path` and renames it over the target, so a
// failure never leaves a partial file. "-" writes to stdout.
core::Result<bool> writeTextFile(const std::string& path, const std::string& text);

core::Result<bool> writeSimCsv(const sim::Run& run, const std::string& path);

} // namespace app
