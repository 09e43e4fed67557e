#include <catch2/catch.hpp>

#include <random>

#include "scene/loader.hpp"
#include "scene_test_util.hpp"

using namespace scene;

namespace {

// One random mutation of a scene file's text.
std::string mutate(std::string t, std::mt19937& rng) {
  auto pick = [&](size_t n) {
    return n == 0 ? size_t{0} : std::uniform_int_distribution<size_t>(0, n - 1)(rng);
  };
  // The position of a random "= value" on a key line.
  auto valueSpan = [&](size_t& b, size_t& e) {
    for (int tries = 0; tries < 50; ++tries) {
      const size_t eq = t.find(" = ", pick(t.size()));
      if (eq == std::string::npos) continue;
      b = eq + 3;
      e = t.find('\n', b);
      if (e == std::string::npos) e = t.size();
      return true;
    }
    return false;
  };
  static const char* const kValues[] = {
      "\"text\"",    "true",    "1",         "-1",
      "0",           "[1, 2]",  "{ a = 1 }", "1979-05-27",
      "\"\"",        "1e999",   "-1e308",    "99999999999999999999",
      "nan",         "inf",     "-inf",      "+nan",
      "\"{agnet}\"", "\"end\"", "\"-3d\"",   "9223372036854775807"};
  size_t b = 0, e = 0;
  switch (pick(9)) {
  case 0: // truncate
    t.resize(pick(t.size() + 1));
    break;
  case 1: // flip bytes
    for (size_t n = 1 + pick(4); n > 0 && !t.empty(); --n) {
      t[pick(t.size())] = static_cast<char>(static_cast<unsigned char>(pick(256)));
    }
    break;
  case 2: // swap a value for another type or a huge / non-finite number
  case 3:
    if (valueSpan(b, e)) t.replace(b, e - b, kValues[pick(std::size(kValues))]);
    break;
  case 4: { // deep nesting
    const size_t depth = 1 + pick(2000);
    std::string deep =
        pick(2) ? "deep = " + std::string(depth, '[') + std::string(depth, ']') : "deep = ";
    if (deep == "deep = ") {
      for (size_t i = 0; i < depth; ++i) deep += "{ a = ";
      deep += "1";
      for (size_t i = 0; i < depth; ++i) deep += " }";
    }
    t.insert(pick(2) ? 0 : t.size(), deep + "\n");
    break;
  }
  case 5: { // delete a line
    const size_t at = t.find('\n', pick(t.size()));
    if (at != std::string::npos) {
      const size_t end = t.find('\n', at + 1);
      t.erase(at, end == std::string::npos ? std::string::npos : end - at);
    }
    break;
  }
  case 6: { // duplicate a line (duplicate keys, duplicate stages)
    const size_t at = t.find('\n', pick(t.size()));
    if (at != std::string::npos) {
      const size_t end = t.find('\n', at + 1);
      t.insert(at, t.substr(at, end == std::string::npos ? std::string::npos : end - at));
    }
    break;
  }
  case 7: { // insert raw bytes
    std::string junk;
    for (size_t n = 1 + pick(8); n > 0; --n) junk += static_cast<char>(pick(256));
    t.insert(pick(t.size() + 1), junk);
    break;
  }
  default: // a stage with random content
    t += "\n[[stage]]\nid = \"procedure\"\nsim_to = " +
         std::string(kValues[pick(std::size(kValues))]) + "\nlabels = [" +
         kValues[pick(std::size(kValues))] + "]\ncamera = " + kValues[pick(std::size(kValues))] +
         "\n";
    break;
  }
  return t;
}

} // namespace

TEST_CASE("scene: mutated scene files never crash the loader and errors have positions",
          "[scene]") {
  std::mt19937 rng(20240607u); // fixed seed: failures reproduce
  size_t total = 0, loaded = 0;
  for (const char* name : scene_test::kShippedScenes) {
    const std::string original =
        scene_test::readFile(scene_test::sourcePath(std::string("scenes/") + name));
    REQUIRE_FALSE(original.empty());
    for (int i = 0; i < 80; ++i) {
      std::string text = original;
      const int rounds = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < rounds; ++k) text = mutate(text, rng);
      const auto r = parseScene(text, name);
      ++total;
      if (r.ok()) {
        ++loaded;
        CHECK_FALSE(r.value().stages.empty());
        continue;
      }
      REQUIRE_FALSE(r.errors().empty());
      for (const core::Error& e : r.errors()) {
        INFO(text);
        INFO(e.format());
        CHECK(e.line > 0);
        CHECK(e.col > 0);
        CHECK(e.file == name);
        CHECK_FALSE(e.message.empty());
      }
      // Errors come sorted by position.
      for (size_t k = 1; k < r.errors().size(); ++k) {
        const auto& a = r.errors()[k - 1];
        const auto& b = r.errors()[k];
        CHECK((a.line < b.line || (a.line == b.line && a.col <= b.col)));
      }
    }
  }
  CHECK(total == 560);
  CHECK(loaded > 0);         // some mutations are harmless
  CHECK(loaded < total / 2); // and most are caught
}

TEST_CASE("scene: overrides with random values never crash", "[scene]") {
  std::mt19937 rng(7u);
  const auto keys = knownKeys();
  static const char* const kValues[] = {"abc",  "1",        "-1",  "0.3",   "1e999", "nan",
                                        "true", "\"x\"",    "[1]", "{a=1}", "",      "=",
                                        "sts",  "varicose", "30",  "\n"};
  for (int i = 0; i < 300; ++i) {
    SceneDesc s = defaultScene();
    const std::string kv = keys[rng() % keys.size()] + "=" + kValues[rng() % std::size(kValues)];
    const auto errs = applyOverride(s, kv);
    for (const core::Error& e : errs) {
      INFO(kv);
      CHECK(e.file.empty());
      CHECK(e.format().rfind("sclerosim: error: --set ", 0) == 0);
    }
    if (errs.empty()) CHECK(s.overrides.size() == 1);
  }
}
