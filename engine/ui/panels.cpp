#include "ui/panels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

namespace ui {
namespace {

bool german(const ScreenState& s) {
  return s.lang.rfind("de", 0) == 0;
}
const char* tr(const ScreenState& s, const char* en, const char* de) {
  return german(s) ? de : en;
}

ImU32 col(float r, float g, float b, float a = 1.0f) {
  return ImGui::GetColorU32(ImVec4(r, g, b, a));
}

void snapshot(const ScreenInput& in, ScreenState& st) {
  const sim::Outcome& o = in.run->outcome;
  st.before.valid = true;
  st.before.indicated = o.indicated;
  st.before.closed = o.closed;
  st.before.fading_visible_day = o.fading_visible_day;
  st.before.resolved_day = o.resolved_day;
  st.before.sessions = o.sessions_recommended;
}

void request(const ScreenInput& in, ScreenState& st, ScreenActions& actions, const char* kv) {
  if (actions.set.empty() && !actions.reset_scene) snapshot(in, st);
  actions.set.emplace_back(kv);
}

// A float slider that applies on release. Returns true (and the value) once per change.
bool paramSlider(ScreenState& st, int id, const char* label, double current, float lo, float hi,
                 const char* fmt, float& out) {
  float v = st.edit.active == id ? st.edit.value : static_cast<float>(current);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat(label, &v, lo, hi, fmt, ImGuiSliderFlags_AlwaysClamp)) {
    st.edit.active = id;
    st.edit.value = v;
  }
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    st.edit.active = -1;
    out = v;
    return std::abs(static_cast<double>(v) - current) > 1e-6;
  }
  if (!ImGui::IsItemActive() && st.edit.active == id) st.edit.active = -1;
  return false;
}

void caption(const Fonts& f, const char* text) {
  ImGui::PushFont(f.small);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

} // namespace

const char* veinKindFor(double diameter_mm) {
  if (diameter_mm < 1.0) return "telangiectasia";
  if (diameter_mm < 3.0) return "reticular";
  return "varicose";
}

void fillPlotCache(PlotCache& cache, const sim::Run& run, const Playback& pb, unsigned generation) {
  const double len = pb.length();
  if (cache.generation == generation && cache.length == len) return;
  cache.generation = generation;
  cache.length = len;
  float cmax = 1e-3f;
  for (int i = 0; i < PlotCache::kPoints; ++i) {
    const double p = len * static_cast<double>(i) / static_cast<double>(PlotCache::kPoints - 1);
    int k = 0;
    while (k + 1 < pb.stageCount() && pb.stageStart(k + 1) <= p) ++k;
    double t = 0.0;
    if (pb.stageCount() > 0) {
      const StageSlot& slot = pb.stage(k);
      const double progress = slot.duration_s > 0
                                  ? std::clamp((p - pb.stageStart(k)) / slot.duration_s, 0.0, 1.0)
                                  : 0.0;
      t = Playback::simTimeIn(slot, progress);
    }
    const sim::Sample s = run.at(t);
    const std::size_t j = static_cast<std::size_t>(i);
    cache.values[PlotCache::Endothelium][j] = static_cast<float>(s.endothelium_alive);
    cache.values[PlotCache::Lumen][j] = static_cast<float>(s.lumen_area_ratio);
    cache.values[PlotCache::Concentration][j] = static_cast<float>(s.concentration_pct);
    cache.values[PlotCache::Thrombus][j] = static_cast<float>(s.thrombus);
    cache.values[PlotCache::Visibility][j] = static_cast<float>(s.visibility);
    cmax = std::max(cmax, static_cast<float>(s.concentration_pct));
  }
  cache.concentration_max = cmax;
}

void drawParameters(const ScreenInput& in, ScreenState& st, const Fonts& f,
                    ScreenActions& actions) {
  const sim::Params& p = in.scene->params;
  char kv[96];
  float v = 0.0f;
  ImGui::PushFont(f.small);

  caption(f, tr(st, "Agent", "Wirkstoff"));
  const bool pol = p.agent.name == sim::Agent::Polidocanol;
  if (ImGui::RadioButton("Polidocanol", pol) && !pol)
    request(in, st, actions, "agent.name=polidocanol");
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(st, "STS (sodium tetradecyl sulfate)", "STS (Natriumtetradecylsulfat)"),
                         !pol) &&
      pol)
    request(in, st, actions, "agent.name=sts");

  caption(f, tr(st, "Concentration", "Konzentration"));
  if (paramSlider(st, 0, "##conc", p.agent.concentration_pct, 0.05f, 3.0f, "%.2f %%", v)) {
    std::snprintf(kv, sizeof kv, "agent.concentration_pct=%.3f", static_cast<double>(v));
    request(in, st, actions, kv);
  }
  caption(f, tr(st, "Volume per injection", "Volumen pro Injektion"));
  if (paramSlider(st, 1, "##vol", p.agent.volume_ml, 0.05f, 1.0f, "%.2f mL", v)) {
    std::snprintf(kv, sizeof kv, "agent.volume_ml=%.3f", static_cast<double>(v));
    request(in, st, actions, kv);
  }

  caption(f, tr(st, "Vein diameter", "Venendurchmesser"));
  if (paramSlider(st, 2, "##diam", p.vein.diameter_mm, 0.1f, 5.0f, "%.1f mm", v)) {
    std::snprintf(kv, sizeof kv, "vein.diameter_mm=%.2f", static_cast<double>(v));
    request(in, st, actions, kv);
    std::snprintf(kv, sizeof kv, "vein.kind=%s", veinKindFor(static_cast<double>(v)));
    request(in, st, actions, kv);
  }
  const double shown_d =
      st.edit.active == 2 ? static_cast<double>(st.edit.value) : p.vein.diameter_mm;
  const char* kind = veinKindFor(shown_d);
  const char* kind_text =
      kind[0] == 't'   ? tr(st, "spider vein (telangiectasia)", "Besenreiser (Teleangiektasie)")
      : kind[0] == 'r' ? tr(st, "reticular vein", "retikul\xc3\xa4re Vene")
                       : tr(st, "varicose vein: not for micro sclerotherapy",
                            "Krampfader: keine Mikrosklerotherapie");
  ImGui::TextDisabled("= %s", kind_text);

  bool lumen = p.injection.in_lumen;
  if (ImGui::Checkbox(
          tr(st, "Needle tip inside the lumen", "Nadelspitze im Gef\xc3\xa4\xc3\x9flumen"), &lumen))
    request(in, st, actions, lumen ? "injection.in_lumen=true" : "injection.in_lumen=false");

  caption(f, tr(st, "Compression pressure", "Kompressionsdruck"));
  if (paramSlider(st, 3, "##press", p.compression.pressure_mmHg, 0.0f, 60.0f, "%.0f mmHg", v)) {
    std::snprintf(kv, sizeof kv, "compression.pressure_mmHg=%.1f", static_cast<double>(v));
    request(in, st, actions, kv);
  }
  caption(f, tr(st, "Compression days", "Kompressionstage"));
  if (paramSlider(st, 4, "##days", p.compression.days, 0.0f, 60.0f,
                  tr(st, "%.0f days", "%.0f Tage"), v)) {
    std::snprintf(kv, sizeof kv, "compression.days=%.1f", static_cast<double>(v));
    request(in, st, actions, kv);
  }

  if (ImGui::Button(tr(st, "Reset to scene",
                       "Szene zur\xc3\xbc"
                       "cksetzen"))) {
    if (actions.set.empty()) snapshot(in, st);
    actions.reset_scene = true;
  }
  if (!st.param_error.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(0.7f, 0.15f, 0.1f, 1.0f), "%s", st.param_error.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::PopFont();
}

void drawPlots(const ScreenInput& in, ScreenState& st, const Playback& pb, const Fonts& f) {
  fillPlotCache(st.plots, *in.run, pb, in.run_generation);
  struct Row {
    PlotCache::Curve curve;
    const char* en;
    const char* de;
    double now;
  };
  const Row rows[] = {
      {PlotCache::Endothelium, "Endothelium alive", "Endothel intakt",
       in.sample->endothelium_alive},
      {PlotCache::Lumen, "Lumen area A/A0",
       "Lumenfl\xc3\xa4"
       "che A/A0",
       in.sample->lumen_area_ratio},
      {PlotCache::Concentration, "Sclerosant %", "Sklerosierungsmittel %",
       in.sample->concentration_pct},
      {PlotCache::Thrombus, "Thrombus", "Thrombus", in.sample->thrombus},
      {PlotCache::Visibility, "Visibility", "Sichtbarkeit", in.sample->visibility},
  };
  const double len = std::max(pb.length(), 1e-6);
  const float frac = static_cast<float>(std::clamp(pb.position() / len, 0.0, 1.0));
  const float h = 40.0f * in.scale;
  ImGui::PushFont(f.small);
  for (const Row& r : rows) {
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "%s  %.2f", german(st) ? r.de : r.en, r.now);
    const float hi = r.curve == PlotCache::Concentration ? st.plots.concentration_max
                     : r.curve == PlotCache::Lumen       ? 1.2f
                                                         : 1.0f;
    ImGui::PushID(static_cast<int>(r.curve));
    const auto& vals = st.plots.values[static_cast<std::size_t>(r.curve)];
    ImGui::PlotLines("##plot", vals.data(), PlotCache::kPoints, 0, overlay, 0.0f, hi,
                     ImVec2(-1.0f, h));
    ImGui::PopID();
    // Current time: a vertical line inside the plot's inner frame.
    const ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float x = mn.x + pad + (mx.x - mn.x - 2 * pad) * frac;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(x, mn.y + 2), ImVec2(x, mx.y - 2), col(0.8f, 0.25f, 0.15f), 2.0f * in.scale);
  }
  ImGui::PopFont();
}

void drawHelp(const ScreenInput& in, ScreenState& st, const Fonts& f) {
  (void)f;
  struct KeyRow {
    const char* key;
    const char* en;
    const char* de;
  };
  static const KeyRow rows[] = {
      {"Space", "Play / pause", "Abspielen / Pause"},
      {"\xe2\x86\x90 / \xe2\x86\x92", "Previous / next stage",
       "Vorheriger / n\xc3\xa4"
       "chster Abschnitt"},
      {"Home / End", "Start / end of the course", "Anfang / Ende des Verlaufs"},
      {"1 \xe2\x80\x93 6", "Jump to a stage", "Zu einem Abschnitt springen"},
      {"M", "Patient / student mode", "Modus Patient / Studium"},
      {"P", "Presenter mode", "Vortragsmodus"},
      {"V", "Skin surface / cutaway view",
       "Hautoberfl\xc3\xa4"
       "che / Schnittansicht"},
      {"R", "Reset the camera",
       "Kamera zur\xc3\xbc"
       "cksetzen"},
      {"Ctrl + / Ctrl \xe2\x80\x93", "Larger / smaller text",
       "Schrift gr\xc3\xb6\xc3\x9f"
       "er / kleiner"},
      {"F", "Full screen", "Vollbild"},
      {"S", "Screenshot", "Bildschirmfoto"},
      {"H", "This help", "Diese Hilfe"},
      {"Esc", "Leave presenter mode / close",
       "Vortragsmodus verlassen / schlie\xc3\x9f"
       "en"},
      {tr(st, "Drag", "Ziehen"), "Orbit (Shift: pan)", "Drehen (Umschalt: verschieben)"},
      {tr(st, "Wheel", "Mausrad"), "Zoom", "Zoomen"},
  };
  ImGui::SetNextWindowPos(ImVec2(in.display.x * 0.5f, in.display.y * 0.45f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.97f);
  bool open = true;
  ImGui::Begin(tr(st, "Keys###help", "Tasten###help"), &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
  if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg)) {
    for (const KeyRow& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextColored(ImVec4(0.15f, 0.25f, 0.45f, 1.0f), "%s", r.key);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(german(st) ? r.de : r.en);
    }
    ImGui::EndTable();
  }
  ImGui::End();
  if (!open) st.help = false;
}

void drawSettings(const ScreenInput& in, ScreenState& st, const Fonts& f, ScreenActions& actions) {
  (void)f;
  ImGui::SetNextWindowPos(
      ImVec2(in.view_origin.x + in.view_size.x - 12.0f * in.scale, 70.0f * in.scale),
      ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  bool open = true;
  ImGui::Begin(tr(st, "Settings###settings", "Einstellungen###settings"), &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
  ImGui::TextDisabled("%s", tr(st, "Language", "Sprache"));
  if (ImGui::RadioButton("English", !german(st)) && german(st)) {
    st.lang = "en";
    actions.settings_changed = true;
  }
  ImGui::SameLine();
  if (ImGui::RadioButton("Deutsch", german(st)) && !german(st)) {
    st.lang = "de";
    actions.settings_changed = true;
  }
  ImGui::TextDisabled("%s", tr(st, "Colours", "Farben"));
  struct Pal {
    render::PaletteKind kind;
    const char* en;
    const char* de;
  };
  const Pal pals[] = {{render::PaletteKind::Schematic, "Schematic", "Schematisch"},
                      {render::PaletteKind::Realistic, "Realistic", "Realistisch"},
                      {render::PaletteKind::ColourSafe, "Colour-safe", "Farbenblind-sicher"}};
  for (const Pal& p : pals) {
    if (p.kind != render::PaletteKind::Schematic) ImGui::SameLine();
    if (ImGui::RadioButton(german(st) ? p.de : p.en, st.palette == p.kind)) {
      st.palette = p.kind;
      actions.settings_changed = true;
    }
  }
  ImGui::TextDisabled("%s", tr(st, "Skin tone (Fitzpatrick)", "Hauttyp (Fitzpatrick)"));
  static const char* tones[] = {"I", "II", "III", "IV", "V", "VI"};
  int tone = std::clamp(in.scene->params.patient.skin_tone, 1, 6) - 1;
  ImGui::SetNextItemWidth(120.0f * in.scale);
  if (ImGui::Combo("##tone", &tone, tones, 6)) {
    char kv[48];
    std::snprintf(kv, sizeof kv, "patient.skin_tone=%d", tone + 1);
    actions.set.emplace_back(kv);
  }
  ImGui::TextDisabled("%s", tr(st, "Text size",
                               "Schriftgr\xc3\xb6\xc3\x9f"
                               "e"));
  if (ImGui::Button(" - ")) {
    st.font_scale = std::max(0.6f, st.font_scale / 1.15f);
    actions.font_changed = actions.settings_changed = true;
  }
  ImGui::SameLine();
  ImGui::Text("%.0f %%", static_cast<double>(st.font_scale) * 100.0);
  ImGui::SameLine();
  if (ImGui::Button(" + ")) {
    st.font_scale = std::min(2.5f, st.font_scale * 1.15f);
    actions.font_changed = actions.settings_changed = true;
  }
  ImGui::TextDisabled("%s", tr(st, "View", "Ansicht"));
  if (ImGui::RadioButton(tr(st, "Cutaway", "Schnitt"), !st.surface_view)) st.surface_view = false;
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(st, "Skin surface",
                            "Hautoberfl\xc3\xa4"
                            "che"),
                         st.surface_view))
    st.surface_view = true;
  ImGui::Checkbox(tr(st, "Presenter mode (P)", "Vortragsmodus (P)"), &st.presenter);
  ImGui::End();
  if (!open) st.settings_open = false;
}

} // namespace ui
