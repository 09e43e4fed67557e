// The stage registry and the beat table: one entry per stage kind and per
// model event, unique ids and keys, and a caption for every beat in every
// mode and built-in language.
#include <catch2/catch.hpp>

#include <set>

#include "scene/beats.hpp"
#include "scene/stage_script.hpp"
#include "scene/stages.hpp"

using namespace scene;

TEST_CASE("stages: one registry entry per kind, unique ids and number keys", "[scene]") {
  std::set<std::string> ids;
  std::set<int> keys;
  std::set<StageKind> kinds;
  for (const StageInfo& s : stageRegistry()) {
    CHECK(ids.insert(s.id).second);
    CHECK(keys.insert(s.key).second);
    CHECK(kinds.insert(s.kind).second);
    CHECK(s.key >= 1);
    CHECK(s.key <= 9);
    CHECK(s.duration_s > 0.0);
    CHECK(s.warp >= 1.0);
    CHECK(&stageInfo(s.kind) == &s);
    CHECK(stageInfo(s.id) == &s);
  }
  CHECK(kinds.size() == 6); // every StageKind
  CHECK(stageIds().size() == stageRegistry().size());
  for (std::size_t i = 0; i < stageIds().size(); ++i) CHECK(stageIds()[i] == stageRegistry()[i].id);
  CHECK(stageInfo("no_such_stage") == nullptr);
}

TEST_CASE("stages: the number keys follow the registry", "[scene]") {
  const std::vector<std::string> all = stageIds();
  for (const StageInfo& s : stageRegistry()) CHECK(stageForKey(all, s.key) >= 0);
  for (std::size_t i = 0; i < all.size(); ++i)
    CHECK(stageForKey(all, stageInfo(all[i])->key) == static_cast<int>(i));
  // A scene that plays fewer stages: keys still mean the same stage.
  const std::vector<std::string> some = {"assessment", "procedure", "recovery"};
  CHECK(stageForKey(some, stageInfo("procedure")->key) == 1);
  CHECK(stageForKey(some, stageInfo("recovery")->key) == 2);
  CHECK(stageForKey(some, stageInfo("preparation")->key) == -1);
}

TEST_CASE("stages: default stages take camera and length from the registry", "[scene]") {
  const sim::Params p;
  for (const StageInfo& info : stageRegistry()) {
    const StageDesc d = defaultStage(info.id, p, 56.0);
    CHECK(d.duration_s == info.duration_s);
    CHECK(d.camera.view == info.view);
    CHECK(d.camera.yaw_deg == info.yaw_deg);
    CHECK(d.only_if_next_session == info.only_if_next_session);
  }
}

TEST_CASE("beats: every model event has a beat with captions in both modes", "[scene]") {
  std::set<std::string> ids;
  for (int k = 0; k < sim::kEventKindCount; ++k) {
    const auto e = static_cast<sim::EventKind>(k);
    const BeatInfo& b = beatInfo(e);
    INFO(sim::toString(e));
    CHECK(b.event == e);
    CHECK(ids.insert(b.id).second);
    bool told = false;
    for (const StageInfo& s : stageRegistry())
      for (sim::EventKind x : s.beats) told = told || x == e;
    CHECK(told);
    for (const char* lang : {"en", "de"}) {
      for (Audience a : {Audience::Patient, Audience::Student}) {
        const std::string c = beatCaption(e, a, lang);
        CHECK_FALSE(c.empty());
        // One sentence: ends with a full stop, no second sentence inside.
        CHECK(c.back() == '.');
        CHECK(c.find(". ") == std::string::npos);
      }
    }
    CHECK(beatCaption(e, Audience::Patient, "en") != beatCaption(e, Audience::Patient, "de"));
  }
  for (const StageInfo& s : stageRegistry())
    for (Audience a : {Audience::Patient, Audience::Student})
      CHECK_FALSE(stageCaption(s.kind, true, a, "en").empty());
}
