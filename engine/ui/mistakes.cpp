#include "ui/mistakes.hpp"

#include <cstdio>

#include <imgui.h>

#include "ui/screen.hpp"

namespace ui {

namespace {

struct Info {
  const char* override_kv;
  const char* title_en;
  const char* title_de;
  const char* why_en;
  const char* why_de;
};

// Index = Mistake - 1. Rules and sources: shared/reference/clinical.md.
const Info kInfo[kMistakeCount] = {
    {"injection.in_lumen=false", "Needle outside the vein", "Nadel außerhalb der Vene",
     "The needle tip is in the skin, not in the lumen, so the dose goes into the dermis. Enter "
     "tangentially, bevel up, and stop at once when a wheal appears (Goldman & Weiss; Asclera "
     "label).",
     "Die Nadelspitze liegt in der Haut statt im Gefäß; die Dosis geht in die Lederhaut. Flach "
     "einstechen, Schliff nach oben, und sofort aufhören, wenn eine Quaddel entsteht (Goldman & "
     "Weiss; "
     "Asclera-Fachinformation)."},
    {"agent.concentration_pct=0.1", "Dose too weak (0.1 %)", "Zu schwache Dosis (0,1 %)",
     "At 0.1 % the detergent mostly makes a clot instead of destroying the wall (strong clots at "
     "0.075–0.1 %, Parsi 2011). A vein sealed only by clot can reopen (DGP guideline 2020). Label "
     "dose "
     "for spider veins: polidocanol 0.5 %.",
     "Bei 0,1 % bildet das Mittel vor allem ein Gerinnsel, statt die Wand zu zerstören (feste "
     "Gerinnsel bei 0,075–0,1 %, Parsi 2011). Eine nur durch Gerinnsel verschlossene Vene kann "
     "sich "
     "wieder öffnen (DGP-Leitlinie 2020). Dosis laut Fachinformation: Polidocanol 0,5 %."},
    {"compression.days=0", "No compression", "Keine Kompression",
     "Without stockings the treated walls are not pressed together: more clot, slower clearing. "
     "Three "
     "weeks of 23–32 mmHg stockings cleared better than none (Kern 2007; Weiss 1999).",
     "Ohne Strumpf werden die behandelten Wände nicht aneinandergedrückt: mehr Gerinnsel, "
     "langsameres "
     "Abheilen. Drei Wochen Strümpfe mit 23–32 mmHg wirkten besser als keine (Kern 2007; Weiss "
     "1999)."},
    {"injection.duration_s=2", "Injection too fast (2 s)", "Zu schnell gespritzt (2 s)",
     "Inject slowly at low pressure over 5–15 s (Goldman & Weiss). A fast push raises the pressure "
     "in "
     "the thin vein: it can rupture and let sclerosant into the skin.",
     "Langsam und mit wenig Druck über 5–15 s spritzen (Goldman & Weiss). Schnelles Drücken erhöht "
     "den "
     "Druck in der dünnen Vene: Sie kann reißen und Mittel in die Haut lassen."},
};

const Info* info(Mistake m) {
  const int i = static_cast<int>(m) - 1;
  return i >= 0 && i < kMistakeCount ? &kInfo[i] : nullptr;
}

bool hasWarning(const sim::Outcome& o, const char* prefix) {
  for (const std::string& w : o.warnings)
    if (w.rfind(prefix, 0) == 0) return true;
  return false;
}

double resolvedOrNever(double day) {
  return day < 0 ? 1e9 : day;
}

} // namespace

Mistake mistakeAt(int i) {
  return i >= 0 && i < kMistakeCount ? static_cast<Mistake>(i + 1) : Mistake::None;
}

std::vector<std::string> mistakeOverrides(Mistake m) {
  const Info* i = info(m);
  if (!i) return {};
  return {i->override_kv};
}

const char* mistakeTitle(Mistake m, bool de) {
  const Info* i = info(m);
  if (!i) return "";
  return de ? i->title_de : i->title_en;
}

const char* mistakeWhy(Mistake m, bool de) {
  const Info* i = info(m);
  if (!i) return "";
  return de ? i->why_de : i->why_en;
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
  if (hasWarning(now, "Fast injection") && (!b || !hasWarning(*b, "Fast injection")))
    out.push_back(Consequence::FastWarning);
  if (out.empty()) out.push_back(Consequence::NoVisibleChange);
  return out;
}

std::string consequenceText(Consequence c, const sim::Outcome& now, const OutcomeBaseline& before,
                            bool de) {
  char buf[320];
  const sim::Outcome& b = before.outcome;
  switch (c) {
  case Consequence::Wheal:
    return de ? "Quaddel: Das Mittel ist in der Haut, nicht in der Vene. Sofort aufhören; selten "
                "Hautnekrose "
                "(0,01–0,1 %, DGP-Leitlinie 2020). Die Vene wurde nicht behandelt."
              : "Wheal: the sclerosant is in the skin, not in the vein. Stop injecting; rare skin "
                "necrosis "
                "(0.01–0.1 %, DGP guideline 2020). The vein was not treated.";
  case Consequence::NotClosed:
    return de ? "Die Vene hat sich nicht verschlossen." : "The vein did not close.";
  case Consequence::Reopened:
    return de ? "Rekanalisation: Die Vene öffnet sich wieder (zu wenig Wandschaden oder kein "
                "Wandkontakt, "
                "DGP-Leitlinie 2020)."
              : "Recanalization: the vein reopens (too little wall damage or no wall contact, DGP "
                "guideline "
                "2020).";
  case Consequence::MoreSessions:
    std::snprintf(buf, sizeof buf,
                  de ? "Eine weitere Sitzung nötig: %d statt %d empfohlen."
                     : "Another session needed: %d instead of %d.",
                  now.sessions_recommended, b.sessions_recommended);
    return buf;
  case Consequence::MoreClot:
    std::snprintf(buf, sizeof buf,
                  de ? "Mehr Gerinnsel: bis %.0f %% des Gefäßes (vorher %.0f %%)."
                     : "More clot: up to %.0f %% of the lumen (was %.0f %%).",
                  now.thrombus_peak * 100.0, b.thrombus_peak * 100.0);
    return buf;
  case Consequence::MorePigment:
    if (before.valid) {
      std::snprintf(buf, sizeof buf,
                    de ? "Höheres Risiko brauner Verfärbung: Anzeiger %.0f %% (vorher %.0f %%)."
                       : "Higher risk of brown staining: indicator %.0f %% (was %.0f %%).",
                    now.pigmentation_risk * 100.0, b.pigmentation_risk * 100.0);
    } else {
      std::snprintf(buf, sizeof buf,
                    de ? "Höheres Risiko brauner Verfärbung: Anzeiger %.0f %%."
                       : "Higher risk of brown staining: indicator %.0f %%.",
                    now.pigmentation_risk * 100.0);
    }
    return buf;
  case Consequence::SlowerClearing:
    if (now.resolved_day < 0) {
      return de ? "Heilt langsamer ab: im simulierten Zeitraum nicht mehr kaum sichtbar."
                : "Clears more slowly: not barely visible within the simulated time.";
    }
    std::snprintf(buf, sizeof buf,
                  de ? "Heilt langsamer ab: kaum sichtbar ab Tag %.0f (vorher Tag %.0f)."
                     : "Clears more slowly: barely visible from day %.0f (was day %.0f).",
                  now.resolved_day, b.resolved_day);
    return buf;
  case Consequence::FastWarning:
    return de ? "Das Modell warnt: zu schnell gespritzt (empfohlen 5–15 s)."
              : "The model warns: injected too fast (5–15 s recommended).";
  case Consequence::NoVisibleChange:
    return de ? "In diesem vereinfachten Modell ändert sich das Ergebnis kaum; in der Praxis gilt "
                "die Regel oben."
              : "In this simplified model the outcome hardly changes; in practice the rule above "
                "applies.";
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
  const bool de = st.lang.rfind("de", 0) == 0;
  MistakeState& ms = st.mistakes;
  ms.sync(in.run_generation);
  if (!ImGui::CollapsingHeader(de ? "Typische Fehler ausprobieren###mistakes"
                                  : "Trainee mistakes###mistakes"))
    return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushFont(f.small);
  ImGui::TextDisabled("%s", de ? "Einen Fehler wählen: das Modell rechnet neu."
                               : "Pick a mistake: the model re-runs.");
  ImGui::PopFont();
  for (int i = 0; i < kMistakeCount; ++i) {
    const Mistake m = mistakeAt(i);
    char label[96];
    std::snprintf(label, sizeof label, "%s###mistake%d", mistakeTitle(m, de), i);
    if (ImGui::RadioButton(label, ms.active() == m) && ms.active() != m) {
      ms.choose(m, *in.run, in.run_generation);
      actions.reset_scene = true;
      for (std::string& kv : mistakeOverrides(m)) actions.set.push_back(std::move(kv));
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
    if (ImGui::Button(de ? "Fehler rückgängig machen###undomistake"
                         : "Undo mistake###undomistake")) {
      ms.undo();
      actions.reset_scene = true;
      st.before.valid = false;
    } else {
      ImGui::Spacing();
      ImGui::TextUnformatted(mistakeWhy(ms.active(), de));
      ImGui::Spacing();
      ImGui::TextDisabled("%s", de ? "Was das Modell zeigt:" : "What the model shows:");
      for (Consequence c :
           consequences(in.run->outcome, in.run->mass.extravasated_mg, ms.baseline()))
        ImGui::BulletText("%s", consequenceText(c, in.run->outcome, ms.baseline(), de).c_str());
    }
  }
  ImGui::PopTextWrapPos();
}

} // namespace ui
