#include "ui/mistakes.hpp"

#include <cstdio>

#include "ui/line_break.hpp"

#include <imgui.h>

#include "core/clock.hpp"
#include "scene/narration.hpp"
#include "text/placeholders.hpp"
#include "ui/screen.hpp"

namespace ui {

namespace {

// Catalogue ids (mistake.<id>.title / .why[.<verdict>]), index = Mistake - 1.
const char* const kIds[kMistakeCount] = {"outside_lumen", "weak_dose", "no_compression",
                                         "fast_injection"};

// A dose below the minimal damaging one for the agent (Phlebology 2017: minimal damage at
// POL 0.25 % / STS 0.05 %; strong clots at 0.075-0.1 %, Parsi 2011).
double weakDosePct(sim::Agent a) {
  switch (a) {
  case sim::Agent::Polidocanol:
    return 0.1;
  case sim::Agent::Sts:
    return 0.05;
  }
  return 0.1;
}

bool hasWarning(const sim::Outcome& o, sim::WarningKind kind) {
  return sim::hasWarning(o.warnings, kind);
}

double resolvedOrNever(double day) {
  return day < 0 ? 1e9 : day;
}

} // namespace

Mistake mistakeAt(int i) {
  return i >= 0 && i < kMistakeCount ? static_cast<Mistake>(i + 1) : Mistake::None;
}

const char* mistakeId(Mistake m) {
  const int i = static_cast<int>(m) - 1;
  return i >= 0 && i < kMistakeCount ? kIds[i] : "";
}

std::vector<std::string> mistakeOverrides(Mistake m, const sim::Params& scene) {
  char kv[64];
  switch (m) {
  case Mistake::OutsideLumen:
    return {"injection.in_lumen=false"};
  case Mistake::WeakDose:
    std::snprintf(kv, sizeof kv, "agent.concentration_pct=%g", weakDosePct(scene.agent.name));
    return {kv};
  case Mistake::NoCompression:
    return {"compression.days=0"};
  case Mistake::FastInjection:
    return {"injection.duration_s=2"};
  case Mistake::None:
  case Mistake::Count:
    return {};
  }
  return {};
}

std::string mistakeTitle(Mistake m, const sim::Params& scene, const text::Locale& L) {
  if (*mistakeId(m) == '\0') return "";
  return L.tr(std::string("mistake.") + mistakeId(m) + ".title",
              {{"concentration_pct", L.number(weakDosePct(scene.agent.name))}});
}

std::string mistakeWhy(Mistake m, const sim::Params& now, sim::Verdict verdict,
                       const text::Locale& L) {
  if (*mistakeId(m) == '\0') return "";
  const std::string base = std::string("mistake.") + mistakeId(m) + ".why";
  const std::string variant = base + "." + sim::toString(verdict);
  const std::string& key = text::english().has(variant) ? variant : base;
  // {label_pct} and the others come from the narration's placeholders (the model's registry).
  return scene::expandPlaceholders(L.tr(key), now, L.code());
}

std::vector<Consequence> consequences(const sim::Outcome& now, double extravasated_mg,
                                      const OutcomeBaseline& before) {
  std::vector<Consequence> out;
  const sim::Outcome* b = before.valid ? &before.outcome : nullptr;
  if (extravasated_mg > 1e-9 && (!b || extravasated_mg > before.extravasated_mg + 1e-9))
    out.push_back(Consequence::Wheal);
  if (now.indicated && !now.closed && (!b || b->closed)) out.push_back(Consequence::NotClosed);
  if (now.recanalized && (!b || !b->recanalized)) out.push_back(Consequence::Reopened);
  if (b && now.sessions_recommended > b->sessions_recommended)
    out.push_back(Consequence::MoreSessions);
  if (b && now.thrombus_peak > b->thrombus_peak * 1.1 + 0.02) out.push_back(Consequence::MoreClot);
  if ((b && now.pigmentation_risk > b->pigmentation_risk + 0.03) ||
      (!b && now.pigmentation_risk >= 0.25))
    out.push_back(Consequence::MorePigment);
  if (b && resolvedOrNever(now.resolved_day) > resolvedOrNever(b->resolved_day) + 2.0 && now.closed)
    out.push_back(Consequence::SlowerClearing);
  if (hasWarning(now, sim::WarningKind::FastInjection) &&
      (!b || !hasWarning(*b, sim::WarningKind::FastInjection)))
    out.push_back(Consequence::FastWarning);
  if (out.empty()) out.push_back(Consequence::NoVisibleChange);
  return out;
}

std::string consequenceText(Consequence c, const sim::Outcome& now, const OutcomeBaseline& before,
                            const text::Locale& L) {
  const sim::Outcome& b = before.outcome;
  const auto pct = [&](double v) { return L.fixed(v * 100.0, 0); };
  switch (c) {
  case Consequence::Wheal:
    return L.tr("consequence.wheal", scene::sourceArgs(now.agent, L)); // its citations
  case Consequence::NotClosed:
    return L.tr("consequence.not_closed");
  case Consequence::Reopened:
    return L.tr("consequence.reopened");
  case Consequence::MoreSessions:
    return L.tr("consequence.more_sessions", {{"now", std::to_string(now.sessions_recommended)},
                                              {"was", std::to_string(b.sessions_recommended)}});
  case Consequence::MoreClot:
    return L.tr("consequence.more_clot",
                {{"now", pct(now.thrombus_peak)}, {"was", pct(b.thrombus_peak)}});
  case Consequence::MorePigment:
    if (before.valid)
      return L.tr("consequence.more_pigment.was",
                  {{"now", pct(now.pigmentation_risk)}, {"was", pct(b.pigmentation_risk)}});
    return L.tr("consequence.more_pigment", {{"now", pct(now.pigmentation_risk)}});
  case Consequence::SlowerClearing:
    if (now.resolved_day < 0) return L.tr("consequence.slower.never");
    return L.tr("consequence.slower", {{"now", L.fixed(core::dayNumber(now.resolved_day), 0)},
                                       {"was", L.fixed(core::dayNumber(b.resolved_day), 0)}});
  case Consequence::FastWarning:
    return L.tr("consequence.fast");
  case Consequence::NoVisibleChange:
    return L.tr("consequence.none");
  }
  return {};
}

void MistakeState::choose(Mistake m, const sim::Run& current, unsigned generation) {
  if (active_ == Mistake::None) {
    baseline_.valid = true;
    baseline_.outcome = current.outcome;
    baseline_.extravasated_mg = current.mass.extravasated_mg;
  }
  active_ = m;
  pending_ = m != Mistake::None;
  requested_at_ = generation;
}

void MistakeState::undo() {
  active_ = Mistake::None;
  baseline_.valid = false;
  pending_ = false;
}

void MistakeState::sync(unsigned generation) {
  if (active_ == Mistake::None) return;
  if (pending_) {
    if (generation != requested_at_) {
      pending_ = false;
      applied_gen_ = generation;
    }
    return;
  }
  if (generation != applied_gen_) undo(); // someone else changed the scene
}

// ---------------------------------------------------------------- drawing

void drawMistakes(const ScreenInput& in, ScreenState& st, const Fonts& f, ScreenActions& actions) {
  const text::Locale& L = text::locale(st.lang);
  MistakeState& ms = st.mistakes;
  ms.sync(in.run_generation);
  if (!fittingHeader(in, f, L.tr("mistake.section") + "###mistakes", 0, "panel.mistakes")) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushFont(f.small);
  wrappedTextDisabled(L.tr("mistake.pick"));
  ImGui::PopFont();
  const sim::Params& params = in.scene->params;
  for (int i = 0; i < kMistakeCount; ++i) {
    const Mistake m = mistakeAt(i);
    const std::string label = mistakeTitle(m, params, L) + "###mistake" + std::to_string(i);
    if (ImGui::RadioButton(label.c_str(), ms.active() == m) && ms.active() != m) {
      ms.choose(m, *in.run, in.run_generation);
      actions.reset_scene = true;
      for (std::string& kv : mistakeOverrides(m, params)) actions.set.push_back(std::move(kv));
      const sim::Outcome& b = ms.baseline().outcome; // "was ..." in the outcome section
      st.before.valid = true;
      st.before.indicated = b.indicated;
      st.before.closed = b.closed;
      st.before.fading_visible_day = b.fading_visible_day;
      st.before.resolved_day = b.resolved_day;
      st.before.sessions = b.sessions_recommended;
    }
  }
  if (ms.active() != Mistake::None) {
    if (ImGui::Button((L.tr("mistake.undo") + "###undomistake").c_str())) {
      ms.undo();
      actions.reset_scene = true;
      st.before.valid = false;
    } else {
      ImGui::Spacing();
      wrappedText(mistakeWhy(ms.active(), params, in.run->outcome.verdict, L));
      ImGui::Spacing();
      wrappedTextDisabled(L.tr("mistake.shows"));
      for (Consequence c :
           consequences(in.run->outcome, in.run->mass.extravasated_mg, ms.baseline())) {
        ImGui::Bullet(); // the text wraps beside the bullet
        wrappedText(consequenceText(c, in.run->outcome, ms.baseline(), L));
      }
    }
  }
  ImGui::PopTextWrapPos();
}

} // namespace ui
