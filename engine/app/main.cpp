// sclerosim: command line entry. Parses flags, loads the scene, then either
// writes files (report, CSV, screenshot, tour, benchmark) or opens the window.
#include <cstdio>
#include <exception>

#include "app/run_app.hpp"

int main(int argc, char** argv) {
  try {
    return app::runApp(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sclerosim: internal error: %s\n", e.what());
    return 1;
  } catch (...) {
    std::fprintf(stderr, "sclerosim: internal error (unknown exception)\n");
    return 1;
  }
}
