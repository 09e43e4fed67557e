// The real window loop (app::runWindow, with the SDL event queue, Dear ImGui's
// keyboard capture and the viewer) under a seeded storm of tens of thousands
// of random keys, mouse drags, clicks, wheel notches and resizes. After every
// burst of 500 events: Esc leaves presenter mode and closes help and
// settings, a digit still jumps to its stage, an arrow still steps, S still
// writes a screenshot, and no state is out of range. (It wedged after 50-125
// keys: see the commit that added this test.)
#include <catch2/catch.hpp>

#include <SDL.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "app/window_loop.hpp"
#include "scene/loader.hpp"
#include "support/gl_fixture.hpp"

namespace fs = std::filesystem;

namespace {

SDL_Window* sdlWindow() {
  return static_cast<SDL_Window*>(testsupport::glContext()->window->sdlWindow());
}

void pushKeyEvent(Uint32 type, SDL_Keycode key, Uint16 mod = KMOD_NONE) {
  SDL_Event e{};
  e.type = type;
  e.key.windowID = SDL_GetWindowID(sdlWindow());
  e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
  e.key.keysym.sym = key;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
  e.key.keysym.mod = mod;
  SDL_PushEvent(&e);
}

// Down and up in the same frame: the window's own keys react to the down
// event; Dear ImGui (the pen's A and C) sees only keys held over a frame.
void pushKey(SDL_Keycode key, Uint16 mod = KMOD_NONE) {
  pushKeyEvent(SDL_KEYDOWN, key, mod);
  pushKeyEvent(SDL_KEYUP, key, mod);
}

// The keys of the reported storm, with Ctrl +/-/0 and Shift+S.
struct StormKey {
  SDL_Keycode key;
  Uint16 mod;
};
const StormKey kKeys[] = {{SDLK_SPACE, 0},
                          {SDLK_LEFT, 0},
                          {SDLK_RIGHT, 0},
                          {SDLK_HOME, 0},
                          {SDLK_END, 0},
                          {SDLK_1, 0},
                          {SDLK_2, 0},
                          {SDLK_3, 0},
                          {SDLK_4, 0},
                          {SDLK_5, 0},
                          {SDLK_6, 0},
                          {SDLK_m, 0},
                          {SDLK_p, 0},
                          {SDLK_v, 0},
                          {SDLK_f, 0},
                          {SDLK_s, 0},
                          {SDLK_h, 0},
                          {SDLK_r, 0},
                          {SDLK_a, 0},
                          {SDLK_c, 0},
                          {SDLK_ESCAPE, 0},
                          {SDLK_EQUALS, KMOD_LCTRL},
                          {SDLK_MINUS, KMOD_LCTRL},
                          {SDLK_0, KMOD_LCTRL},
                          {SDLK_s, KMOD_LSHIFT},
                          {SDLK_TAB, 0},
                          {SDLK_RETURN, 0},
                          {SDLK_UP, 0},
                          {SDLK_DOWN, 0}};

class Storm {
public:
  Storm(app::Viewer& v, app::Session& s, unsigned seed, int events)
      : v_(v), s_(s), rng_(seed), target_(events) {}

  // One turn of the loop: push events or check what the last ones did.
  bool operator()() {
    ++turns_;
    switch (phase_) {
    case Phase::Burst:
      burst();
      return true;
    case Phase::CheckEsc:
      checkRanges();
      checkEsc();
      return true;
    case Phase::CheckDigit:
      checkDigit();
      return true;
    case Phase::CheckArrow:
      checkArrow();
      return true;
    case Phase::CheckShot:
      return checkShot();
    }
    return false;
  }

  int sent() const { return sent_; }
  int bursts() const { return bursts_; }
  int failures() const { return failures_; }

private:
  enum class Phase { Burst, CheckEsc, CheckDigit, CheckArrow, CheckShot };

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  void fail(const std::string& what) {
    ++failures_;
    FAIL_CHECK("burst " << bursts_ << " (" << sent_ << " events sent, seed " << seed_()
                        << "): " << what);
  }
  unsigned seed_() const { return seed_value_; }

  void burst() {
    // Keys pressed last turn are released now (held over a frame, as by hand).
    for (const StormKey& k : held_) pushKeyEvent(SDL_KEYUP, k.key, k.mod);
    held_.clear();
    for (int i = 0; i < 25; ++i) randomEvent();
    sent_ += 25;
    burst_sent_ += 25;
    if (burst_sent_ >= 500) {
      burst_sent_ = 0;
      ++bursts_;
      for (const StormKey& k : held_) pushKeyEvent(SDL_KEYUP, k.key, k.mod);
      held_.clear();
      // Esc until everything is closed (record, help, settings, presenter).
      for (int i = 0; i < 4; ++i) pushKey(SDLK_ESCAPE);
      phase_ = Phase::CheckEsc;
    }
  }

  void randomEvent() {
    const int kind = pick(100);
    SDL_Event e{};
    const Uint32 id = SDL_GetWindowID(sdlWindow());
    int w = 0, h = 0;
    SDL_GetWindowSize(sdlWindow(), &w, &h);
    if (kind < 70) {
      const StormKey& k = kKeys[pick(sizeof(kKeys) / sizeof(kKeys[0]))];
      if (pick(2) == 0) {
        pushKey(k.key, k.mod);
      } else {
        pushKeyEvent(SDL_KEYDOWN, k.key, k.mod);
        held_.push_back(k);
      }
    } else if (kind < 80) { // a drag: orbit (left), pan (middle/right)
      e.type = SDL_MOUSEMOTION;
      e.motion.windowID = id;
      e.motion.state = Uint32(1) << pick(3);
      e.motion.x = pick(std::max(w, 1));
      e.motion.y = pick(std::max(h, 1));
      e.motion.xrel = pick(81) - 40;
      e.motion.yrel = pick(81) - 40;
      SDL_PushEvent(&e);
    } else if (kind < 88) { // a click anywhere: the view, a panel, a button
      for (Uint32 type : {Uint32(SDL_MOUSEBUTTONDOWN), Uint32(SDL_MOUSEBUTTONUP)}) {
        e.type = type;
        e.button.windowID = id;
        e.button.button = static_cast<Uint8>(1 + pick(3));
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = pick(std::max(w, 1));
        e.button.y = pick(std::max(h, 1));
        SDL_PushEvent(&e);
      }
    } else if (kind < 96) {
      e.type = SDL_MOUSEWHEEL;
      e.wheel.windowID = id;
      e.wheel.y = pick(7) - 3;
      e.wheel.preciseY = static_cast<float>(e.wheel.y);
      SDL_PushEvent(&e);
    } else { // a resize, sometimes tiny
      const int nw = pick(4) == 0 ? 1 + pick(40) : 160 + pick(900);
      const int nh = pick(4) == 0 ? 1 + pick(40) : 120 + pick(600);
      SDL_SetWindowSize(sdlWindow(), nw, nh);
    }
  }

  void checkRanges() {
    const int stage = s_.playback.stageIndex();
    if (stage < 0 || stage >= s_.playback.stageCount()) fail("stage index out of range");
    const double pos = s_.playback.position();
    if (!(pos >= 0.0 && pos <= s_.playback.length())) fail("playback position out of range");
    const float fs = v_.state().font_scale;
    if (!(fs >= 0.6f && fs <= 2.5f)) fail("font scale out of range");
    const render::CameraPose& c = v_.cameraOffset();
    if (!std::isfinite(c.yaw_deg) || !std::isfinite(c.pitch_deg) || !(c.distance > 0.0f) ||
        !std::isfinite(c.target.x) || !std::isfinite(c.target.y) || !std::isfinite(c.target.z))
      fail("camera out of range");
    if (v_.state().record_progress >= 0.0f) fail("a recording started");
  }

  void checkEsc() {
    const ui::ScreenState& st = v_.state();
    if (st.presenter) fail("Esc did not leave presenter mode");
    if (st.help) fail("Esc did not close the help");
    if (st.settings_open) fail("Esc did not close the settings");
    // Back to a plain window before testing the keys (the storm may have left
    // the pen on or full screen; neither may take the keys away).
    SDL_SetWindowFullscreen(sdlWindow(), 0);
    SDL_SetWindowSize(sdlWindow(), 480, 270);
    pushKey(SDLK_2);
    phase_ = Phase::CheckDigit;
  }

  void checkDigit() {
    if (s_.playback.stageIndex() != 1) fail("key 2 did not jump to stage 2");
    pushKey(SDLK_RIGHT);
    phase_ = Phase::CheckArrow;
  }

  void checkArrow() {
    if (s_.playback.stageIndex() != 2) fail("the right arrow did not step to stage 3");
    shots_before_ = pngCount();
    pushKey(SDLK_s);
    phase_ = Phase::CheckShot;
  }

  bool checkShot() {
    if (pngCount() <= shots_before_) fail("S did not write a screenshot");
    // Keep the scratch folder small: screenshots and saved views of this burst go.
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::current_path(), ec)) fs::remove(e.path(), ec);
    phase_ = Phase::Burst;
    return sent_ < target_;
  }

  static int pngCount() {
    int n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::current_path(), ec))
      n += e.path().extension() == ".png";
    return n;
  }

  app::Viewer& v_;
  app::Session& s_;
  std::vector<StormKey> held_;
  std::mt19937 rng_;
  unsigned seed_value_ = 0;
  int target_;
  Phase phase_ = Phase::Burst;
  int sent_ = 0, burst_sent_ = 0, bursts_ = 0, turns_ = 0, failures_ = 0, shots_before_ = 0;

public:
  void setSeed(unsigned seed) { seed_value_ = seed; }
};

int envInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

} // namespace

TEST_CASE("window: a storm of random input never wedges the keyboard", "[app][gl][storm]") {
  REQUIRE_GL();
  // Screenshots, saved views and the settings file go to a scratch folder.
  const fs::path scratch =
      fs::temp_directory_path() / ("sclerosim-storm-" + std::to_string(::getpid()));
  fs::remove_all(scratch);
  fs::create_directories(scratch / "config");
  setenv("XDG_CONFIG_HOME", (scratch / "config").c_str(), 1);
  fs::create_directories(scratch / "out");
  const fs::path cwd = fs::current_path();
  fs::current_path(scratch / "out");

  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  platform::Window& window = *testsupport::glContext()->window;
  window.setSize(480, 270);
  auto created = app::Viewer::create(window, s, ui::ScreenState{}, 1.0f);
  REQUIRE(created);
  app::Viewer& v = *created.value();

  // Seeded and reproducible: SCLEROSIM_STORM_SEED / SCLEROSIM_STORM_EVENTS.
  const unsigned seed = static_cast<unsigned>(envInt("SCLEROSIM_STORM_SEED", 20261201));
  const int events = envInt("SCLEROSIM_STORM_EVENTS", 20000);
  INFO("seed " << seed << ", " << events << " events");
  Storm storm(v, s, seed, events);
  storm.setSeed(seed);
  app::runWindow(window, v, s, std::ref(storm));

  fs::current_path(cwd);
  fs::remove_all(scratch);
  CHECK(storm.sent() >= events);
  CHECK(storm.bursts() >= events / 500);
  CHECK(storm.failures() == 0);
}

TEST_CASE("window: the help window and the presenter pen do not take the keys away",
          "[app][gl][storm]") {
  REQUIRE_GL();
  const fs::path scratch =
      fs::temp_directory_path() / ("sclerosim-keys-" + std::to_string(::getpid()));
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  setenv("XDG_CONFIG_HOME", scratch.c_str(), 1);
  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  platform::Window& window = *testsupport::glContext()->window;
  window.setSize(480, 270);
  auto created = app::Viewer::create(window, s, ui::ScreenState{}, 1.0f);
  REQUIRE(created);
  app::Viewer& v = *created.value();
  // Each turn checks what the previous turn's keys did, then presses the next.
  int turn = 0;
  app::runWindow(window, v, s, [&] {
    switch (turn++) {
    case 0:
      pushKey(SDLK_h); // the help window opens (and ImGui focuses it)
      return true;
    case 1:
    case 2:
      pushKey(SDLK_UNKNOWN); // let the help window appear and take focus
      return true;
    case 3:
      CHECK(v.state().help);
      pushKey(SDLK_p);
      return true;
    case 4:
      CHECK(v.state().presenter);
      pushKeyEvent(SDL_KEYDOWN, SDLK_a); // the pen (read by ImGui itself)
      return true;
    case 5:
      CHECK(v.state().pen.on);
      pushKeyEvent(SDL_KEYUP, SDLK_a);
      pushKey(SDLK_3);
      return true;
    case 6:
      CHECK(s.playback.stageIndex() == 2);
      for (int i = 0; i < 3; ++i) pushKey(SDLK_ESCAPE);
      return true;
    case 7:
      CHECK_FALSE(v.state().help);
      CHECK_FALSE(v.state().presenter);
      return false;
    default:
      return false;
    }
  });
  CHECK(turn == 8);
  fs::remove_all(scratch);
}

TEST_CASE("window: S never overwrites a screenshot of an earlier session", "[app][gl]") {
  // Each session counted from sclerosim-1.png again and replaced yesterday's.
  REQUIRE_GL();
  const fs::path scratch =
      fs::temp_directory_path() / ("sclerosim-shots-" + std::to_string(::getpid()));
  fs::remove_all(scratch);
  fs::create_directories(scratch / "config");
  setenv("XDG_CONFIG_HOME", (scratch / "config").c_str(), 1);
  const fs::path cwd = fs::current_path();
  fs::current_path(scratch);
  std::ofstream("sclerosim-1.png") << "earlier session";
  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  platform::Window& window = *testsupport::glContext()->window;
  window.setSize(480, 270);
  auto created = app::Viewer::create(window, s, ui::ScreenState{}, 1.0f);
  REQUIRE(created);
  int turn = 0;
  app::runWindow(window, *created.value(), s, [&] {
    if (turn == 0) pushKey(SDLK_s);
    return turn++ < 3;
  });
  std::ifstream older("sclerosim-1.png");
  std::string text;
  std::getline(older, text);
  const bool second = fs::exists("sclerosim-2.png");
  fs::current_path(cwd);
  fs::remove_all(scratch);
  CHECK(text == "earlier session");
  CHECK(second);
}
