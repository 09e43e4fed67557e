#include "ui/panels.hpp"

#include "scene/safety.hpp"
#include "scene/stages.hpp"
#include "sim/registry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "ui/line_break.hpp"

#include <imgui.h>

#include "text/locale.hpp"

namespace ui {
namespace {

const text::Locale& loc(const ScreenState& s) {
  return text::locale(s.lang);
}
// The text of `key` in the screen's language (kept alive for ImGui's const char*).
std::string tr(const ScreenState& s, const char* key) {
  return loc(s).tr(key);
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

// The slider's text: the value in the language's style ("0,50 %"), with ImGui's
// format escapes ("%%").
std::string sliderText(const ScreenState& st, float v, int decimals, const std::string& unit) {
  std::string out;
  for (char c : loc(st).fixed(static_cast<double>(v), decimals) + " " + unit) {
    out += c;
    if (c == '%') out += '%';
  }
  return out;
}

// A float slider that applies on release. Returns true (and the value) once per change.
bool paramSlider(ScreenState& st, int id, const char* label, double current, float lo, float hi,
                 int decimals, const std::string& unit, float& out) {
  float v = st.edit.active == id ? st.edit.value : static_cast<float>(current);
  ImGui::SetNextItemWidth(-1.0f);
  const std::string fmt = sliderText(st, v, decimals, unit);
  if (ImGui::SliderFloat(label, &v, lo, hi, fmt.c_str(), ImGuiSliderFlags_AlwaysClamp)) {
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

void caption(const Fonts& f, const std::string& text) {
  ImGui::PushFont(f.small);
  wrappedText(text);
  ImGui::PopFont();
}

} // namespace

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

  caption(f, tr(st, "params.agent"));
  const bool pol = p.agent.name == sim::Agent::Polidocanol;
  if (ImGui::RadioButton((tr(st, "params.agent.polidocanol") + "###pol").c_str(), pol) && !pol)
    request(in, st, actions, "agent.name=polidocanol");
  ImGui::SameLine();
  if (ImGui::RadioButton((tr(st, "params.agent.sts") + "###sts").c_str(), !pol) && pol)
    request(in, st, actions, "agent.name=sts");

  caption(f, tr(st, "params.concentration"));
  if (paramSlider(st, 0, "##conc", p.agent.concentration_pct, 0.05f, 3.0f, 2, "%", v)) {
    std::snprintf(kv, sizeof kv, "agent.concentration_pct=%.3f", static_cast<double>(v));
    request(in, st, actions, kv);
  }
  caption(f, tr(st, "params.volume"));
  if (paramSlider(st, 1, "##vol", p.agent.volume_ml, 0.05f, 1.0f, 2, tr(st, "unit.ml"), v)) {
    std::snprintf(kv, sizeof kv, "agent.volume_ml=%.3f", static_cast<double>(v));
    request(in, st, actions, kv);
  }

  caption(f, tr(st, "params.diameter"));
  if (paramSlider(st, 2, "##diam", p.vein.diameter_mm, 0.1f, 5.0f, 1, "mm", v)) {
    std::snprintf(kv, sizeof kv, "vein.diameter_mm=%.2f", static_cast<double>(v));
    request(in, st, actions, kv);
    std::snprintf(kv, sizeof kv, "vein.kind=%s",
                  sim::toString(sim::veinKindForDiameter(static_cast<double>(v))));
    request(in, st, actions, kv);
  }
  const double shown_d =
      st.edit.active == 2 ? static_cast<double>(st.edit.value) : p.vein.diameter_mm;
  const char* kind = sim::toString(sim::veinKindForDiameter(shown_d));
  const std::string kind_text = tr(st, kind[0] == 't'   ? "params.kind.telangiectasia"
                                       : kind[0] == 'r' ? "params.kind.reticular"
                                                        : "params.kind.varicose");
  ImGui::TextDisabled("= %s", kind_text.c_str());

  bool lumen = p.injection.in_lumen;
  if (ImGui::Checkbox((tr(st, "params.in_lumen") + "###lumen").c_str(), &lumen))
    request(in, st, actions, lumen ? "injection.in_lumen=true" : "injection.in_lumen=false");

  caption(f, tr(st, "params.pressure"));
  if (paramSlider(st, 3, "##press", p.compression.pressure_mmHg, 0.0f, 60.0f, 0, "mmHg", v)) {
    std::snprintf(kv, sizeof kv, "compression.pressure_mmHg=%.1f", static_cast<double>(v));
    request(in, st, actions, kv);
  }
  caption(f, tr(st, "params.days"));
  if (paramSlider(st, 4, "##days", p.compression.days, 0.0f, 60.0f, 0, tr(st, "unit.days"), v)) {
    std::snprintf(kv, sizeof kv, "compression.days=%.1f", static_cast<double>(v));
    request(in, st, actions, kv);
  }

  if (ImGui::Button((tr(st, "params.reset") + "###reset").c_str())) {
    if (actions.set.empty()) snapshot(in, st);
    actions.reset_scene = true;
  }
  if (!st.param_error.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    wrappedTextColored(ImVec4(0.7f, 0.15f, 0.1f, 1.0f), st.param_error);
    ImGui::PopTextWrapPos();
  }
  ImGui::PopFont();
}

void drawPlots(const ScreenInput& in, ScreenState& st, const Playback& pb, const Fonts& f) {
  fillPlotCache(st.plots, *in.run, pb, in.run_generation);
  struct Row {
    PlotCache::Curve curve;
    const char* key;
    double now;
  };
  const Row rows[] = {
      {PlotCache::Endothelium, "plot.endothelium", in.sample->endothelium_alive},
      {PlotCache::Lumen, "plot.lumen", in.sample->lumen_area_ratio},
      {PlotCache::Concentration, "plot.concentration", in.sample->concentration_pct},
      {PlotCache::Thrombus, "plot.thrombus", in.sample->thrombus},
      {PlotCache::Visibility, "plot.visibility", in.sample->visibility},
  };
  const double len = std::max(pb.length(), 1e-6);
  const float frac = static_cast<float>(std::clamp(pb.position() / len, 0.0, 1.0));
  const float h = 40.0f * in.scale;
  ImGui::PushFont(f.small);
  for (const Row& r : rows) {
    const std::string overlay_text = tr(st, r.key) + "  " + loc(st).fixed(r.now, 2);
    const char* overlay = overlay_text.c_str();
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

namespace {

// The safety section under the keys: always reachable (the help key), in
// every mode and language (scene::safetySections, assets "safety.*").
void drawSafety(const ScreenInput& in, ScreenState& st) {
  ImGui::Separator();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 620.0f * in.scale);
  wrappedTextColored(imColour(kSafetyEmergencyInk), tr(st, "safety.title"));
  for (const scene::SafetySection& s : scene::safetySections()) {
    if (s.item_keys.empty()) {
      wrappedTextDisabled(tr(st, s.title_key));
      continue;
    }
    wrappedText(scene::safetyText(s.title_key, loc(st)));
    for (const char* k : s.item_keys) {
      // The case's own stocking sentences (as the handout and the video say
      // them); "" where the case has none (no stocking: nothing too tight).
      const std::string item =
          in.scene && in.run
              ? scene::safetyItemText(k, loc(st), in.scene->params, in.run->outcome, st.audience)
              : scene::safetyText(k, loc(st));
      if (item.empty()) continue;
      textBullet();
      wrappedText(item);
    }
    if (s.note_key) wrappedText(scene::safetyText(s.note_key, loc(st)));
  }
  ImGui::PopTextWrapPos();
}

} // namespace

void drawSafetyBox(const ScreenInput& in, const ScreenState& st, const std::string& stage_id) {
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  const std::optional<scene::StageSafetyBox> box =
      info ? scene::stageSafetyBox(info->kind, st.audience) : std::nullopt;
  if (!box || box->groups.empty()) return;
  // The safety colours (ui/theme.hpp): the box and its red heading, each urgency's
  // group under a heading in its urgency's colour (the video's end cards use the same).
  const ImVec4 warn = imColour(kSafetyEmergencyInk), ink = ImGui::GetStyle().Colors[ImGuiCol_Text];
  const float pad = ImGui::GetStyle().FramePadding.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 top_left = ImGui::GetCursorScreenPos();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  // The texts first, the frame under them once their height is known.
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::Dummy(ImVec2(0.0f, 0.5f * pad));
  ImGui::Indent(pad);
  ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - pad);
  const auto line = [&](const char* what, ImVec4 colour, const std::string& words) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrappedText(words);
    ImGui::PopStyleColor();
    recordLastItem(in, what, glm::vec4(colour.x, colour.y, colour.z, colour.w), words);
    noteWarningItem(in);
  };
  if (box->heading_key) line("panel.safety.heading", warn, tr(st, box->heading_key));
  // Each group under its heading (the Recovery box: whom to call, then the
  // signs, so no sign repeats it); the groups a little apart.
  const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
  for (const scene::SafetyGroup& g : box->groups) {
    if (&g != &box->groups.front()) ImGui::Dummy(ImVec2(0.0f, 0.25f * spacing.y));
    line("panel.safety.group", g.urgency ? imColour(urgencyInk(*g.urgency)) : ink,
         scene::safetyText(g.title_key, loc(st)));
    const std::string tag = g.urgency ? tr(st, scene::urgencyTagKey(*g.urgency)) : std::string();
    for (const char* k : g.item_keys) {
      const std::string item = scene::safetyText(scene::boxItemKey(k, box->audience), loc(st));
      textBullet(); // the text wraps beside the bullet
      line("panel.safety.item", ink, g.urgency ? scene::signWithoutTag(item, tag) : item);
    }
    if (g.note_key) line("panel.safety.note", ink, scene::safetyText(g.note_key, loc(st)));
  }
  ImGui::PopTextWrapPos();
  ImGui::Unindent(pad);
  const float bottom = ImGui::GetCursorScreenPos().y - spacing.y + pad;
  ImGui::Dummy(ImVec2(0.0f, 0.5f * pad));
  dl->ChannelsSetCurrent(0);
  const float round = 0.5f * pad;
  dl->AddRectFilled(top_left, ImVec2(right, bottom), ImGui::GetColorU32(imColour(kSafetyBoxFill)),
                    round);
  dl->AddRect(top_left, ImVec2(right, bottom), ImGui::GetColorU32(imColour(kSafetyBoxEdge)), round,
              0, std::max(1.0f, 0.15f * pad));
  dl->ChannelsMerge();
}

bool stageBoxSaysWhomToCall(const std::string& stage_id, scene::Audience audience) {
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  const std::optional<scene::StageSafetyBox> box =
      info ? scene::stageSafetyBox(info->kind, audience) : std::nullopt;
  return box && std::any_of(box->groups.begin(), box->groups.end(),
                            [](const scene::SafetyGroup& g) { return g.urgency.has_value(); });
}

void drawNormalAfterwards(const ScreenInput& in, const ScreenState& st, const std::string& stage_id,
                          bool open_by_default) {
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  const std::optional<scene::StageSafetyBox> box =
      info ? scene::stageSafetyBox(info->kind, st.audience) : std::nullopt;
  if (!box || !box->normal_title_key || !in.run) return;
  // The case's list (the model's outcome), as the handout and the video print it.
  const std::vector<const char*> normal = scene::normalAfterwards(in.run->outcome);
  if (normal.empty()) return;
  const ImVec4 c = ImGui::GetStyle().Colors[ImGuiCol_Text];
  const glm::vec4 ink(c.x, c.y, c.z, c.w);
  const std::string title = tr(st, box->normal_title_key);
  // An arrow as tall as a line of text and the heading beside it, wrapped (a
  // tree node's label does not wrap: at 640x360 it ran past the panel); a
  // click on either opens it. On a row of its own under the narration's
  // heading, framed in a calm green beside the warning box's red (round-10
  // review: beside the heading, folded shut, a worried patient missed it).
  const ImGuiStyle& sty = ImGui::GetStyle();
  const float pad = 0.5f * sty.FramePadding.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 top_left(ImGui::GetCursorScreenPos().x - pad, ImGui::GetCursorScreenPos().y);
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  // (The state lives in the window's storage, the reader's click kept there;
  // the panel's off-screen measuring window never has one: it measures the
  // list open and closed by `open_by_default`.)
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID id = ImGui::GetID("safety_normal");
  bool open = storage->GetBool(id, open_by_default);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.0f, 0.0f));
  const bool arrow = ImGui::ArrowButton("##safety_normal", open ? ImGuiDir_Down : ImGuiDir_Right);
  ImGui::PopStyleVar();
  ImGui::SameLine(0.0f, sty.ItemInnerSpacing.x);
  ImGui::PushTextWrapPos(0.0f); // to the panel's edge
  wrappedText(title);
  recordLastItem(in, "panel.normal_title", ink, title);
  if (arrow || ImGui::IsItemClicked()) storage->SetBool(id, open = !open);
  if (open)
    for (const char* k : normal) {
      // safetyText: the trapped blood's limit names the practice ({call_practice}).
      const std::string item = scene::safetyText(k, loc(st));
      textBullet();
      wrappedText(item);
      recordLastItem(in, "panel.normal", ink, item);
    }
  ImGui::PopTextWrapPos();
  const float bottom = ImGui::GetItemRectMax().y + 0.5f * pad;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(top_left, ImVec2(right, bottom), ImGui::GetColorU32(imColour(kNormalBoxFill)),
                    pad);
  dl->AddRect(top_left, ImVec2(right, bottom), ImGui::GetColorU32(imColour(kNormalBoxEdge)), pad, 0,
              std::max(1.0f, 0.15f * sty.FramePadding.x));
  dl->ChannelsMerge();
}

void drawHelp(const ScreenInput& in, ScreenState& st, const Fonts& f) {
  (void)f;
  // help.<id>.key: the key's name (translated where it is a word), help.<id>: what it does.
  static const char* const rows[] = {"space",      "arrows", "home_end", "numbers",   "mode",
                                     "presenter",  "view",   "camera",   "text_size", "full_screen",
                                     "screenshot", "help",   "escape",   "drag",      "wheel"};
  ImGui::SetNextWindowPos(ImVec2(in.display.x * 0.5f, in.display.y * 0.45f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.97f);
  bool open = true;
  ImGui::Begin((tr(st, "help.title") + "###help").c_str(), &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
  if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg)) {
    for (const char* r : rows) {
      const std::string id = std::string("help.") + r;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      wrappedTextColored(ImVec4(0.15f, 0.25f, 0.45f, 1.0f), tr(st, (id + ".key").c_str()));
      ImGui::TableSetColumnIndex(1);
      wrappedText(tr(st, id.c_str()));
    }
    ImGui::EndTable();
  }
  drawSafety(in, st);
  ImGui::End();
  if (!open) st.help = false;
}

namespace {
// One line of text into a std::string (ImGui grows the buffer through the callback).
int growString(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}
bool inputLine(const char* label, std::string& value) {
  return ImGui::InputText(label, value.data(), value.capacity() + 1,
                          ImGuiInputTextFlags_CallbackResize, growString, &value);
}
} // namespace

void drawSettings(const ScreenInput& in, ScreenState& st, const Fonts& f, ScreenActions& actions) {
  (void)f;
  ImGui::SetNextWindowPos(
      ImVec2(in.view_origin.x + in.view_size.x - 12.0f * in.scale, 70.0f * in.scale),
      ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  bool open = true;
  ImGui::Begin((tr(st, "ui.settings") + "###settings").c_str(), &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
  wrappedTextDisabled(tr(st, "settings.language"));
  // Every language with a catalogue in assets/, each in its own name.
  const std::string current = loc(st).code();
  bool first = true;
  for (const std::string& code : text::languageCodes()) {
    if (!first) ImGui::SameLine();
    first = false;
    const std::string name = text::locale(code).name() + "###lang-" + code;
    if (ImGui::RadioButton(name.c_str(), code == current) && code != current) {
      st.lang = code;
      actions.settings_changed = true;
    }
  }
  wrappedTextDisabled(tr(st, "settings.colours"));
  struct Pal {
    render::PaletteKind kind;
    const char* key;
  };
  const Pal pals[] = {{render::PaletteKind::Schematic, "settings.palette.schematic"},
                      {render::PaletteKind::Realistic, "settings.palette.realistic"},
                      {render::PaletteKind::ColourSafe, "settings.palette.colour_safe"}};
  for (const Pal& p : pals) {
    if (p.kind != render::PaletteKind::Schematic) ImGui::SameLine();
    if (ImGui::RadioButton((tr(st, p.key) + "###" + p.key).c_str(), st.palette == p.kind)) {
      st.palette = p.kind;
      actions.settings_changed = true;
    }
  }
  wrappedTextDisabled(tr(st, "settings.skin_tone"));
  static const char* tones[] = {"I", "II", "III", "IV", "V", "VI"};
  int tone = std::clamp(in.scene->params.patient.skin_tone, 1, 6) - 1;
  ImGui::SetNextItemWidth(120.0f * in.scale);
  if (ImGui::Combo("##tone", &tone, tones, 6)) {
    char kv[48];
    std::snprintf(kv, sizeof kv, "patient.skin_tone=%d", tone + 1);
    actions.set.emplace_back(kv);
  }
  wrappedTextDisabled(tr(st, "settings.text_size"));
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
  wrappedTextDisabled(tr(st, "settings.view"));
  if (ImGui::RadioButton((tr(st, "settings.view.cutaway") + "###cutaway").c_str(),
                         !st.surface_view))
    st.surface_view = false;
  ImGui::SameLine();
  if (ImGui::RadioButton((tr(st, "settings.view.surface") + "###surface").c_str(), st.surface_view))
    st.surface_view = true;
  ImGui::Checkbox((tr(st, "settings.presenter") + "###presenter").c_str(), &st.presenter);
  wrappedTextDisabled(tr(st, "settings.clinic"));
  ImGui::SetNextItemWidth(260.0f * in.scale);
  if (inputLine((tr(st, "settings.clinic_name") + "###clinic_name").c_str(), st.clinic_name))
    actions.settings_changed = true;
  ImGui::SetNextItemWidth(260.0f * in.scale);
  if (inputLine((tr(st, "settings.clinic_phone") + "###clinic_phone").c_str(), st.clinic_phone))
    actions.settings_changed = true;
  ImGui::End();
  if (!open) st.settings_open = false;
}

} // namespace ui
