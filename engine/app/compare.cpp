#include "app/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/clock.hpp"
#include "scene/loader.hpp"
#include "sim/divergence.hpp"

namespace app {
namespace {

std::string trim(const std::string& s) {
  const std::size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  const std::size_t b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

std::string pct(double fraction, const text::Locale& L) {
  return L.fixed(std::round(100.0 * fraction), 0) + " %";
}

// The one day rule (core::dayNumber), as the clock counts.
std::string dayNumber(double day, const text::Locale& L) {
  return L.fixed(core::dayNumber(day), 0);
}

std::string join(const std::vector<std::string>& parts, const text::Locale& L) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i ? L.tr("compare.joiner") : "") + parts[i];
  return out;
}

} // namespace

std::string compareLabel(const std::string& key_value, const text::Locale& L) {
  const std::size_t eq = key_value.find('=');
  if (eq == std::string::npos) return L.tr("compare.with", {{"setting", trim(key_value)}});
  const std::string key = trim(key_value.substr(0, eq)), value = trim(key_value.substr(eq + 1));
  if (key == "compression.days" && (value == "0" || value == "0.0"))
    return L.tr("compare.without_compression");
  return L.tr("compare.with", {{"setting", key + " = " + value}});
}

bool compressionEvidenceMixed(const std::string& key_value) {
  return trim(key_value).rfind("compression.", 0) == 0;
}

std::string outcomeDifference(const sim::Outcome& a, const sim::Outcome& b,
                              const std::string& label, double end_day, scene::Audience audience,
                              const text::Locale& L, bool evidence_mixed) {
  // Patients read the model's figures in plain words (no percentages, no
  // "clot"): "<key>.patient"; students keep them.
  const bool patient = audience == scene::Audience::Patient;
  const auto plain = [&](const char* key, const text::Args& figures) {
    return patient ? L.tr(std::string(key) + ".patient") : L.tr(key, figures);
  };
  const auto sentence = [&](const std::string& body) {
    return L.tr("compare.sentence", {{"label", label}, {"difference", body}});
  };
  if (a.indicated && !b.indicated) return sentence(L.tr("compare.not_indicated"));
  if (!a.indicated && b.indicated) return sentence(L.tr("compare.becomes_indicated"));
  if (!a.indicated && !b.indicated) return sentence(L.tr("compare.still_not_indicated"));

  std::vector<std::string> parts;
  // Closure first: it decides everything else.
  if (a.closed && !b.closed) parts.push_back(L.tr("compare.does_not_close"));
  if (!a.closed && b.closed) parts.push_back(L.tr("compare.closes"));
  if (b.recanalized && !a.recanalized) {
    parts.push_back(b.recanalized_day >= 0
                        ? L.tr("compare.reopens_day", {{"day", dayNumber(b.recanalized_day, L)}})
                        : L.tr("compare.reopens"));
  }
  if (a.recanalized && !b.recanalized) parts.push_back(L.tr("compare.does_not_reopen"));
  // Clot: trapped blood, the main cause of brown staining.
  const double dclot = b.thrombus_peak - a.thrombus_peak;
  if (std::abs(dclot) >= 0.05) {
    parts.push_back(plain(dclot > 0 ? "compare.more_clot" : "compare.less_clot",
                          {{"now", pct(b.thrombus_peak, L)}, {"was", pct(a.thrombus_peak, L)}}));
  }
  // How long the vein stays visible.
  const bool a_gone = a.resolved_day >= 0, b_gone = b.resolved_day >= 0;
  if (a_gone && !b_gone) {
    parts.push_back(L.tr(b.residual_visibility < 0.4 ? "compare.still_faintly_visible"
                                                     : "compare.still_visible",
                         {{"day", dayNumber(end_day, L)}}));
  } else if (!a_gone && b_gone) {
    parts.push_back(L.tr("compare.fades_by", {{"day", dayNumber(b.resolved_day, L)}}));
  } else if (a_gone && b_gone && std::abs(b.resolved_day - a.resolved_day) >= 3.0) {
    parts.push_back(
        L.tr(b.resolved_day > a.resolved_day ? "compare.fades_later" : "compare.fades_sooner",
             {{"now", dayNumber(b.resolved_day, L)}, {"was", dayNumber(a.resolved_day, L)}}));
  }
  const double dpig = b.pigmentation_risk - a.pigmentation_risk;
  if (std::abs(dpig) >= 0.05) {
    parts.push_back(
        plain(dpig > 0 ? "compare.more_staining" : "compare.less_staining",
              {{"now", pct(b.pigmentation_risk, L)}, {"was", pct(a.pigmentation_risk, L)}}));
  }
  std::string sessions;
  const text::Args n{{"n", std::to_string(b.sessions_recommended)},
                     {"was", std::to_string(a.sessions_recommended)}};
  if (b.sessions_recommended > a.sessions_recommended) {
    sessions =
        L.tr(b.sessions_recommended == 2 ? "compare.second_session" : "compare.n_sessions", n);
  } else if (b.sessions_recommended < a.sessions_recommended) {
    sessions = L.tr(b.sessions_recommended <= 1 ? "compare.one_session" : "compare.n_instead", n);
  }
  if (parts.empty() && sessions.empty()) return sentence(L.tr("compare.no_difference"));
  std::string out = join(parts, L);
  if (!sessions.empty()) out += (parts.empty() ? "" : L.tr("compare.sessions_joiner")) + sessions;
  // The model's difference where the trials disagree (the stocking: Kern 2007
  // vs Bayer 2021) is not said as a fact.
  if (evidence_mixed) out += L.tr("compare.sessions_joiner") + plain("compare.studies_differ", {});
  return sentence(out);
}

std::string Comparison::leftLabel(const text::Locale& L) const {
  return L.tr("compare.as_planned");
}

std::string Comparison::rightLabel(const text::Locale& L) const {
  return compareLabel(key_value, L);
}

std::string Comparison::sentence(scene::Audience audience, const text::Locale& L) const {
  return outcomeDifference(planned, what_if.run.outcome, rightLabel(L),
                           what_if.run.endTime() / 86400.0, audience, L,
                           compressionEvidenceMixed(key_value));
}

bool Comparison::differsAt(double time_s) const {
  return differs_from_s >= 0.0 && time_s >= differs_from_s;
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
  c->planned = base.run.outcome;
  c->differs_from_s = sim::firstDifference(base.run, c->what_if.run);
  return c;
}

} // namespace app
