#include "gfx/image.hpp"

#include <cstring>

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include "core/atomic_file.hpp"
#include "gfx/gl.hpp"

namespace gfx {

Image readPixels(int width, int height) {
  Image img;
  img.width = width;
  img.height = height;
  img.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  // GL's origin is bottom-left; images are stored top row first.
  const std::size_t row = static_cast<std::size_t>(width) * 4;
  std::vector<std::uint8_t> tmp(row);
  for (int y = 0; y < height / 2; ++y) {
    std::uint8_t* a = img.rgba.data() + static_cast<std::size_t>(y) * row;
    std::uint8_t* b = img.rgba.data() + static_cast<std::size_t>(height - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  // Screenshots are opaque: the window has no meaningful alpha.
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  return img;
}

core::Result<bool> writePng(const Image& image, const std::string& path) {
  // stb encodes into our callback; core::writeFileAtomic checks every write.
  return core::writeFileAtomic(path, [&image](core::AtomicFile& f) {
    struct Sink {
      core::AtomicFile* file;
      bool ok;
    } sink{&f, true};
    const auto put = [](void* ctx, void* data, int size) {
      auto* s = static_cast<Sink*>(ctx);
      s->ok = s->ok && s->file->write(data, static_cast<std::size_t>(size));
    };
    // stb's default level 8 searches its hash chains longer than a start-up
    // can afford (~50 ms of a 1280x720 screenshot); 5 is stb's least effort:
    // a file a little larger, the same pixels.
    stbi_write_png_compression_level = 5;
    const int encoded = stbi_write_png_to_func(put, &sink, image.width, image.height, 4,
                                               image.rgba.data(), image.width * 4);
    return encoded != 0 && sink.ok;
  });
}

core::Result<Image> readPng(const std::string& path) {
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
  if (!data)
    return core::Error{path, 0, 0, std::string("cannot read PNG: ") + stbi_failure_reason()};
  Image img;
  img.width = w;
  img.height = h;
  img.rgba.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(data);
  return img;
}

} // namespace gfx
