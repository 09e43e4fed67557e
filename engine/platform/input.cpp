#include "platform/input.hpp"

// Shared by every backend (SDL window, browser page).
namespace platform {

const char* keyName(Key key) {
  switch (key) {
  case Key::Unknown:
    return "?";
  case Key::Space:
    return "space";
  case Key::Left:
    return "Left";
  case Key::Right:
    return "Right";
  case Key::Up:
    return "Up";
  case Key::Down:
    return "Down";
  case Key::Home:
    return "Home";
  case Key::End:
    return "End";
  case Key::Escape:
    return "Escape";
  case Key::Return:
    return "Return";
  case Key::Tab:
    return "Tab";
  case Key::Digit1:
    return "1";
  case Key::Digit2:
    return "2";
  case Key::Digit3:
    return "3";
  case Key::Digit4:
    return "4";
  case Key::Digit5:
    return "5";
  case Key::Digit6:
    return "6";
  case Key::Digit7:
    return "7";
  case Key::Digit8:
    return "8";
  case Key::Digit9:
    return "9";
  case Key::A:
    return "a";
  case Key::C:
    return "c";
  case Key::D:
    return "d";
  case Key::F:
    return "f";
  case Key::H:
    return "h";
  case Key::L:
    return "l";
  case Key::M:
    return "m";
  case Key::P:
    return "p";
  case Key::R:
    return "r";
  case Key::S:
    return "s";
  case Key::V:
    return "v";
  case Key::W:
    return "w";
  case Key::Plus:
    return "plus";
  case Key::Minus:
    return "minus";
  case Key::Digit0:
    return "0";
  }
  return "?";
}

} // namespace platform
