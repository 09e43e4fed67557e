#include "scene/scene_desc.hpp"

#include <cstdlib>

#include "scene/narration.hpp"

namespace scene {
namespace {

// "de-AT" -> {"de-AT", "de", "en"}.
std::vector<std::string> langChain(const std::string& lang) {
  std::vector<std::string> chain;
  if (!lang.empty()) chain.push_back(lang);
  const size_t dash = lang.find('-');
  if (dash != std::string::npos) chain.push_back(lang.substr(0, dash));
  chain.emplace_back(kFallbackLang);
  return chain;
}

template <class Map, class Get>
LocalText lookup(const Map& map, const std::string& lang, Get&& get) {
  for (const std::string& l : langChain(lang)) {
    const auto it = map.find(l);
    if (it == map.end()) continue;
    const std::string& text = get(it->second);
    if (!text.empty()) return {text, l, l != lang};
  }
  return {"", kFallbackLang, lang != kFallbackLang};
}

} // namespace

LocalText StageDesc::titleIn(const std::string& lang) const {
  LocalText t = lookup(titles, lang, [](const std::string& s) -> const std::string& { return s; });
  if (t.text.empty()) t.text = title;
  return t;
}

LocalText StageDesc::narrationIn(const std::string& lang, Audience audience) const {
  return lookup(narration, lang, [audience](const Narration& n) -> const std::string& {
    return audience == Audience::Patient ? n.patient : n.student;
  });
}

LocalQuiz QuizQuestion::textIn(const std::string& lang) const {
  LocalQuiz q{question, choices, explanation, kFallbackLang, lang != kFallbackLang};
  bool got_question = false, got_choices = false, got_explanation = explanation.empty();
  for (const std::string& l : langChain(lang)) {
    if (l == kFallbackLang) break;
    const auto it = translations.find(l);
    if (it == translations.end()) continue;
    const QuizText& t = it->second;
    if (!got_question && !t.question.empty()) {
      q.question = t.question;
      q.lang = l;
      got_question = true;
    }
    if (!got_choices && t.choices.size() == choices.size() && !t.choices.empty()) {
      q.choices = t.choices;
      got_choices = true;
    }
    if (!got_explanation && !t.explanation.empty()) {
      q.explanation = t.explanation;
      got_explanation = true;
    }
  }
  q.fell_back = q.lang != lang || !got_choices || !got_explanation;
  if (lang == kFallbackLang || lang.empty()) q.fell_back = lang.empty();
  return q;
}

LocalText SceneDesc::titleIn(const std::string& lang) const {
  std::map<std::string, std::string> m;
  for (const auto& [l, t] : translations) m[l] = t.title;
  m[kFallbackLang] = title;
  return lookup(m, lang, [](const std::string& s) -> const std::string& { return s; });
}

LocalText SceneDesc::descriptionIn(const std::string& lang) const {
  std::map<std::string, std::string> m;
  for (const auto& [l, t] : translations) m[l] = t.description;
  m[kFallbackLang] = description;
  return lookup(m, lang, [](const std::string& s) -> const std::string& { return s; });
}

LocalText SceneDesc::narrationText(const StageDesc& stage, const std::string& lang,
                                   Audience audience) const {
  LocalText t = stage.narrationIn(lang, audience);
  t.text = expandPlaceholders(t.text, given ? *given : params, t.lang, outcome.get());
  return t;
}

LocalText SceneDesc::stageTitle(const StageDesc& stage, const std::string& lang) const {
  LocalText t = stage.titleIn(lang);
  t.text = expandPlaceholders(t.text, given ? *given : params, t.lang, outcome.get());
  return t;
}

std::vector<const StageDesc*> SceneDesc::playedStages(bool next_session_recommended) const {
  std::vector<const StageDesc*> out;
  for (const StageDesc& s : stages) {
    if (s.only_if_next_session && !next_session_recommended) continue;
    out.push_back(&s);
  }
  return out;
}

int SceneDesc::findStage(const std::string& id_or_number) const {
  for (size_t i = 0; i < stages.size(); ++i) {
    if (stages[i].id == id_or_number) return static_cast<int>(i);
  }
  char* end = nullptr;
  const long n = std::strtol(id_or_number.c_str(), &end, 10);
  if (!id_or_number.empty() && end && *end == '\0' && n >= 1 &&
      n <= static_cast<long>(stages.size())) {
    return static_cast<int>(n - 1);
  }
  return -1;
}

const char* toString(ViewKind v) {
  switch (v) {
  case ViewKind::Leg:
    return "leg";
  case ViewKind::Surface:
    return "surface";
  case ViewKind::Cutaway:
    return "cutaway";
  }
  return "?";
}

const char* toString(Audience a) {
  return a == Audience::Patient ? "patient" : "student";
}

} // namespace scene
