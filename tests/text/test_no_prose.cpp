// Issue 12: every user-visible sentence lives in assets/*.po, none in engine/.
// A heuristic scan of engine/'s string literals: a literal is prose when it has
// three words in a row with at least two lower-case words, or a letter outside
// ASCII (a translation). Literals in error and log statements are allowed
// (command-line messages stay English, as compilers' do), and so are the files
// in kAllowed below, each with its reason. The scanner itself is tested on
// made-up sources, so it is known to be able to fail.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Files (relative to engine/) whose literals are not interface text. Keep short.
const std::vector<std::pair<std::string, std::string>> kAllowed = {
    {"core/atomic_file.cpp", "file-system error messages (command line)"},
    {"scene/loader.cpp", "scene-file error messages with line and column"},
    {"scene/schema.cpp", "descriptions of scene keys for error messages and docs"},
    {"app/options.cpp", "command-line help (--help)"},
    {"app/bookmark.cpp", "saved-view file error messages"},
    {"app/settings.cpp", "settings-file warnings in the log"},
    {"app/model_export.cpp", "--report JSON / --export-sim CSV (machine-readable, English)"},
    {"render/input_guard.cpp", "input-guard error messages"},
    {"text/catalogue.cpp", "catalogue check messages (--check-assets)"},
    {"text/po_file.cpp", "PO syntax error messages"},
    // Pending, owned by other work in progress (remove when they land):
    {"sim/indication.cpp", "model warnings: becoming codes with catalogue texts (issue 13)"},
    {"sim/outcome.cpp", "model warnings: becoming codes with catalogue texts (issue 13)"},
};

struct Literal {
  int line = 0;
  std::string text, statement;
};

// Literals with the statement around them; comments removed.
std::vector<Literal> literals(const std::string& src) {
  std::string code; // the source with comments blanked (newlines kept for line numbers)
  for (size_t i = 0; i < src.size();) {
    if (src.compare(i, 2, "//") == 0) {
      while (i < src.size() && src[i] != '\n') code += ' ', ++i;
    } else if (src.compare(i, 2, "/*") == 0) {
      const size_t end = src.find("*/", i + 2);
      const size_t stop = end == std::string::npos ? src.size() : end + 2;
      for (; i < stop; ++i) code += src[i] == '\n' ? '\n' : ' ';
    } else if (src[i] == '"' || src[i] == '\'') {
      const char q = src[i];
      code += src[i++];
      while (i < src.size() && src[i] != q && src[i] != '\n') {
        if (src[i] == '\\' && i + 1 < src.size()) code += src[i++];
        code += src[i++];
      }
      if (i < src.size()) code += src[i++];
    } else {
      code += src[i++];
    }
  }
  std::vector<Literal> out;
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '\'') { // a char literal: skip it
      for (++i; i < code.size() && code[i] != '\''; ++i)
        if (code[i] == '\\') ++i;
      continue;
    }
    if (code[i] != '"') continue;
    const size_t start = i;
    std::string text;
    for (++i; i < code.size() && code[i] != '"'; ++i) {
      if (code[i] == '\\' && i + 1 < code.size()) text += code[i++];
      text += code[i];
    }
    // The statement: from the last ';' or block brace at a line end before it.
    size_t a = 0;
    for (size_t k = start; k > 0; --k) {
      const char c = code[k - 1];
      if (c == ';' || ((c == '{' || c == '}') && k < code.size() && code[k] == '\n')) {
        a = k;
        break;
      }
    }
    size_t b = code.find(';', i);
    b = b == std::string::npos ? code.size() : b;
    Literal l;
    l.line = 1 + static_cast<int>(
                     std::count(code.begin(), code.begin() + static_cast<long>(start), '\n'));
    l.text = text;
    l.statement = code.substr(a, b - a);
    out.push_back(std::move(l));
  }
  return out;
}

bool isProse(std::string t) {
  static const std::regex placeholder(R"(\{[a-z_]+\}|%[-+ #0-9.]*[a-zA-Z])");
  t = std::regex_replace(t, placeholder, " ");
  // A UTF-8 letter (Latin-1 supplement, written as bytes or escapes): a translation.
  static const std::regex accented(R"(\\xc3|\xc3)");
  if (std::regex_search(t, accented)) return true;
  static const std::regex three_words(R"([A-Za-z]{2,},? +[A-Za-z]{2,},? +[A-Za-z]{2,})");
  if (!std::regex_search(t, three_words)) return false;
  static const std::regex lower_word(R"(\b[a-z]{2,}\b)");
  const auto n =
      std::distance(std::sregex_iterator(t.begin(), t.end(), lower_word), std::sregex_iterator());
  return n >= 2;
}

// Statements that print errors or log lines, or match the model's English warning
// prefixes (until they become codes).
bool messageContext(const std::string& statement) {
  static const std::regex ctx(
      R"(Error|error|log(Warn|Info|Error|Debug)|flagError|\bfail\(|complain|throw|printf|puts|)"
      R"(hasWarning|\{"", *0, *0,)");
  return std::regex_search(statement, ctx);
}

std::vector<std::string> scan(const std::string& rel, const std::string& src) {
  std::vector<std::string> out;
  for (const Literal& l : literals(src)) {
    if (!isProse(l.text) || messageContext(l.statement)) continue;
    out.push_back("engine/" + rel + ":" + std::to_string(l.line) + ": prose in C++: \"" +
                  l.text.substr(0, 60) + "\" (move it to assets/*.po)");
  }
  return out;
}

} // namespace

TEST_CASE("prose scanner: finds sentences, not ids, keys or messages", "[text]") {
  CHECK(isProse("The vein closed."));
  CHECK(isProse("since the needle went in"));
  CHECK(isProse("Die Vene hat sich verschlossen.")); // three words, lower-case ones
  CHECK(isProse("Sch\\xc3\\xbctzen"));               // one German word, as escapes
  CHECK_FALSE(isProse("narration.procedure.default.patient"));
  CHECK_FALSE(isProse("spider vein"));
  CHECK_FALSE(isProse("%.1f mm"));
  CHECK_FALSE(isProse("{day} {week}"));
  CHECK_FALSE(isProse("agent.concentration_pct=0.1"));
  const std::string src = "// a comment with the vein closed\n"
                          "void f() {\n"
                          "  show(\"the vein turns pale\");\n"
                          "  core::logWarn(\"cannot read the file here\");\n"
                          "  const char c = '\"';\n"
                          "  show(\"ok.key\");\n"
                          "  label(\"Gr\\xc3\\xb6\\xc3\\x9f\"\n"
                          "        \"e\");\n"
                          "}\n";
  const auto hits = scan("ui/x.cpp", src);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].rfind("engine/ui/x.cpp:3: ", 0) == 0);
  CHECK(hits[1].rfind("engine/ui/x.cpp:7: ", 0) == 0);
}

TEST_CASE("engine/ has no user-visible prose: every sentence is in assets/", "[text]") {
  const fs::path engine = fs::path(SCLEROSIM_SOURCE_DIR) / "engine";
  REQUIRE(fs::is_directory(engine));
  std::vector<std::string> hits;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(engine)) {
    const std::string ext = e.path().extension().string();
    if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    const std::string rel = fs::relative(e.path(), engine).generic_string();
    ++files;
    bool allowed = false;
    for (const auto& [file, why] : kAllowed) allowed = allowed || file == rel;
    if (allowed) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const auto h = scan(rel, ss.str());
    hits.insert(hits.end(), h.begin(), h.end());
  }
  std::string all;
  for (const std::string& h : hits) all += h + "\n";
  INFO(all);
  CHECK(files > 50);
  CHECK(hits.empty());
}
