#include "app/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "scene/loader.hpp"

namespace app {
namespace {

std::string trim(const std::string& s) {
  const std::size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  const std::size_t b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

std::string pct(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f %%", std::round(100.0 * fraction));
  return buf;
}

std::string dayNumber(double day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", std::round(day));
  return buf;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

} // namespace

std::string compareLabel(const std::string& key_value) {
  const std::size_t eq = key_value.find('=');
  if (eq == std::string::npos) return "With " + trim(key_value);
  const std::string key = trim(key_value.substr(0, eq)), value = trim(key_value.substr(eq + 1));
  if (key == "compression.days" && (value == "0" || value == "0.0")) return "Without compression";
  return "With " + key + " = " + value;
}

std::string outcomeDifference(const sim::Outcome& a, const sim::Outcome& b,
                              const std::string& label, double end_day) {
  if (a.indicated && !b.indicated) return label + ": the treatment is not indicated.";
  if (!a.indicated && b.indicated) return label + ": the treatment becomes indicated.";
  if (!a.indicated && !b.indicated) return label + ": still not indicated; no difference.";

  std::vector<std::string> parts;
  // Closure first: it decides everything else.
  if (a.closed && !b.closed) parts.push_back("the vein does not close");
  if (!a.closed && b.closed) parts.push_back("the vein closes");
  if (b.recanalized && !a.recanalized) {
    parts.push_back(b.recanalized_day >= 0
                        ? "the vein reopens (day " + dayNumber(b.recanalized_day) + ")"
                        : "the vein reopens");
  }
  if (a.recanalized && !b.recanalized) parts.push_back("the vein does not reopen");
  // Clot: trapped blood, the main cause of brown staining.
  const double dclot = b.thrombus_peak - a.thrombus_peak;
  if (std::abs(dclot) >= 0.05) {
    parts.push_back(std::string(dclot > 0 ? "more" : "less") + " clot (peak " +
                    pct(b.thrombus_peak) + " vs " + pct(a.thrombus_peak) + ")");
  }
  // How long the vein stays visible.
  const bool a_gone = a.resolved_day >= 0, b_gone = b.resolved_day >= 0;
  if (a_gone && !b_gone) {
    parts.push_back(std::string("the vein is still ") +
                    (b.residual_visibility < 0.4 ? "faintly " : "") + "visible at day " +
                    dayNumber(end_day));
  } else if (!a_gone && b_gone) {
    parts.push_back("the vein fades from view by day " + dayNumber(b.resolved_day));
  } else if (a_gone && b_gone && std::abs(b.resolved_day - a.resolved_day) >= 3.0) {
    parts.push_back("the vein fades from view " +
                    std::string(b.resolved_day > a.resolved_day ? "later" : "sooner") + " (day " +
                    dayNumber(b.resolved_day) + " vs " + dayNumber(a.resolved_day) + ")");
  }
  const double dpig = b.pigmentation_risk - a.pigmentation_risk;
  if (std::abs(dpig) >= 0.05) {
    parts.push_back(std::string(dpig > 0 ? "higher" : "lower") + " risk of brown staining (" +
                    pct(b.pigmentation_risk) + " vs " + pct(a.pigmentation_risk) + ")");
  }
  std::string sessions;
  if (b.sessions_recommended > a.sessions_recommended) {
    sessions = b.sessions_recommended == 2
                   ? "a second session is recommended"
                   : std::to_string(b.sessions_recommended) + " sessions are recommended";
  } else if (b.sessions_recommended < a.sessions_recommended) {
    sessions = b.sessions_recommended <= 1
                   ? "one session is enough"
                   : std::to_string(b.sessions_recommended) + " sessions instead of " +
                         std::to_string(a.sessions_recommended);
  }
  if (parts.empty() && sessions.empty()) return label + ": no clear difference in the outcome.";
  std::string out = label + ": " + join(parts);
  if (!sessions.empty()) out += (parts.empty() ? "" : "; ") + sessions;
  return out + ".";
}

void syncTimeline(const Session& leader, Session& follower) {
  const ui::Playback& lp = leader.playback;
  ui::Playback& fp = follower.playback;
  const std::string& id = lp.stage(lp.stageIndex()).id;
  for (int i = 0; i < fp.stageCount(); ++i) {
    if (fp.stage(i).id == id) {
      fp.seekStage(i, lp.stageProgress());
      return;
    }
  }
  fp.seek(std::min(lp.position(), fp.length()));
}

core::Result<std::unique_ptr<Comparison>> makeComparison(const Session& base,
                                                         const std::string& key_value) {
  auto c = std::make_unique<Comparison>();
  c->key_value = key_value;
  c->what_if.scene = base.scene;
  const std::vector<core::Error> errors = scene::applyOverride(c->what_if.scene, key_value);
  if (!errors.empty()) {
    std::vector<core::Error> out = errors; // the same checks as --set, named after this flag
    for (core::Error& e : out)
      if (e.message.rfind("--set ", 0) == 0) e.message = "--compare " + e.message.substr(6);
    return out;
  }
  c->what_if.rebuild();
  syncTimeline(base, c->what_if);
  c->right_label = compareLabel(key_value);
  c->sentence = outcomeDifference(base.run.outcome, c->what_if.run.outcome, c->right_label,
                                  c->what_if.run.endTime() / 86400.0);
  return c;
}

} // namespace app
