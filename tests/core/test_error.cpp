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
