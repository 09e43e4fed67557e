#include <catch2/catch.hpp>

#include "core/error.hpp"

TEST_CASE("errors format as file:line:col or as sclerosim", "[core]") {
  CHECK(core::Error{"a.toml", 3, 7, "bad"}.format() == "a.toml:3:7: error: bad");
  CHECK(core::Error{"a.toml", 3, 0, "bad"}.format() == "a.toml:3: error: bad");
  CHECK(core::Error{"", 0, 0, "bad flag"}.format() == "sclerosim: error: bad flag");
}

TEST_CASE("Result holds a value or its errors", "[core]") {
  core::Result<int> good(5);
  REQUIRE(good.ok());
  CHECK(good.value() == 5);
  core::Result<int> bad(core::Error{"f", 1, 2, "m"});
  CHECK_FALSE(bad.ok());
  CHECK(bad.errors().size() == 1);
}

TEST_CASE("error texts carry no heading, so a log line or notice has exactly one", "[core]") {
  CHECK(core::Error{"a.toml", 3, 7, "bad"}.text() == "a.toml:3:7: bad");
  CHECK(core::Error{"", 0, 0, "cannot write 'x.png': the disk is full"}.text() ==
        "cannot write 'x.png': the disk is full");
  const std::string all = core::errorTexts({{"", 0, 0, "one"}, {"b.toml", 2, 0, "two"}});
  CHECK(all == "one\nb.toml:2: two");
  CHECK(all.find("error:") == std::string::npos);
}
