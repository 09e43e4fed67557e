#pragma once
// Move-only ownership of one GL object name. The deleter runs once, when the
// owner dies or is assigned over; a moved-from handle owns nothing.
#include <utility>

namespace gfx {

template <class Deleter> class Handle {
public:
  Handle() = default;
  explicit Handle(unsigned id) : id_(id) {}
  ~Handle() { reset(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, 0u)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, 0u);
    }
    return *this;
  }
  unsigned id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  void reset() {
    if (id_ != 0) Deleter{}(id_);
    id_ = 0;
  }

private:
  unsigned id_ = 0;
};

} // namespace gfx
