#pragma once
// Bad input travels up to app/ as Error values, never as exit() deep in the code.
#include <string>
#include <utility>
#include <vector>

namespace core {

struct Error {
  std::string file; // empty when the input was not a file (a flag, a --set value)
  int line = 0;     // 1-based; 0 = unknown
  int col = 0;      // 1-based; 0 = unknown
  std::string message;

  // "file:line:col: error: message", or "sclerosim: error: message" without a file.
  std::string format() const;
  // Without the "error:" heading, for a line that already has one (the log)
  // or a notice in the window: "file:line:col: message", or just "message".
  std::string text() const;
};

// Stops the program: a Result's value was read although it holds errors
// (a bug in the caller, never the user's input).
[[noreturn]] void valueOfError(const std::vector<Error>& errors);

// A value or the errors that stopped it. Errors collect so that a loader can
// report every problem in a file at once.
template <class T> class [[nodiscard]] Result {
public:
  Result(T value) : value_(std::move(value)), ok_(true) {} // NOLINT: implicit by design
  Result(Error error) { errors_.push_back(std::move(error)); }
  Result(std::vector<Error> errors) : errors_(std::move(errors)) {}

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  // Only on success: reading the value of an error stops the program (no silent T{}).
  const T& value() const& {
    check();
    return value_;
  }
  T& value() & {
    check();
    return value_;
  }
  T&& value() && {
    check();
    return std::move(value_);
  }
  const std::vector<Error>& errors() const { return errors_; }

private:
  void check() const {
    if (!ok_) valueOfError(errors_);
  }
  T value_{};
  bool ok_ = false;
  std::vector<Error> errors_;
};

std::string formatAll(const std::vector<Error>& errors);
// Error::text() of each, one per line, without a trailing newline.
std::string errorTexts(const std::vector<Error>& errors);

} // namespace core
