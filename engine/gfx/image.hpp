#pragma once
// CPU-side RGBA8 images: framebuffer readback and PNG files (stb).
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace gfx {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba; // row 0 = top
  std::uint8_t* pixel(int x, int y) {
    return &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)) *
                 4];
  }
  const std::uint8_t* pixel(int x, int y) const {
    return &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)) *
                 4];
  }
};

// Reads the currently bound read framebuffer (after glFinish-equivalent sync).
Image readPixels(int width, int height);

// Writes through a temp file + rename: a failed write leaves no partial PNG.
core::Result<bool> writePng(const Image& image, const std::string& path);
core::Result<Image> readPng(const std::string& path);

} // namespace gfx
