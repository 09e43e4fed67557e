#pragma once
// Turns a FrameInput into draw calls: background, tissue block, bandage,
// needle (with an x-ray ghost of its hidden part) and red cells. Owns its GL
// objects through gfx; allocates nothing per frame.
#include <array>
#include <memory>
#include <string>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

#include "core/error.hpp"
#include "gfx/objects.hpp"
#include "gfx/shader.hpp"
#include "render/cells.hpp"
#include "render/frame.hpp"
#include "render/input_guard.hpp"
#include "render/layout.hpp"
#include "render/meshes.hpp"
#include "render/spider_pattern.hpp"
#include "render/surface_bake.hpp"

namespace render {

enum class Anchor {
  Skin,
  Epidermis,
  Dermis,
  Fat,
  VeinLumen,
  VeinWall,
  Endothelium,
  Needle,
  Sclerosant,
  Thrombus,
  Bandage,
  Cord,
  ReticularVein,
  Wheal,
  ScaleStart,
  ScaleEnd,
  Count
};
const char* anchorId(Anchor a);

class Renderer {
public:
  static core::Result<std::unique_ptr<Renderer>> create(const std::string& shader_dir);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Rebuilds the layout-dependent meshes; call when the scene's vein changes.
  void setScene(const sim::Params& params);
  // Draws into the currently bound framebuffer's viewport rectangle. Every
  // value of `in` passes the InputGuard first: bad numbers are clamped and logged.
  void render(const FrameInput& in, glm::ivec2 viewport_origin, glm::ivec2 viewport_size);

  const std::array<LabelAnchor, static_cast<std::size_t>(Anchor::Count)>& anchors() const {
    return anchors_;
  }
  const TissueLayout& layout() const { return layout_; }
  // Where the needle tip is for a given insertion (also the wheal centre).
  glm::vec3 needleTip(const sim::Params& params, double insertion) const;
  // Where the tip stops when fully inserted (lumen, or the dermis beside it).
  glm::vec3 needleTipTarget(const sim::Params& params) const;

private:
  Renderer() = default;
  void drawTissue(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj);
  void drawSolids(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj);
  void drawCells(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj);
  void updateAnchors(const FrameInput& in, const glm::mat4& view_proj, glm::ivec2 size);

  struct TissueUniforms;
  // tissue.frag's variants: skin, vein, plain, fat; then the same with the
  // wheal/cleansing extras (see renderer.cpp)
  std::array<gfx::Program, 8> tissue_progs_;
  gfx::Program background_, cells_, solid_;
  std::unique_ptr<TissueUniforms> tu_;
  gfx::Buffer tissue_vbo_;
  gfx::VertexArray tissue_vao_;
  // Up to 3 boxes x 6 faces x 16 parts x 6 vertices x 10 floats: skin tops,
  // then plain cut faces, fat parts, then the cut faces' parts around the vein.
  static constexpr std::size_t kTissueFloats = 3 * 6 * 16 * 6 * 10;
  std::array<float, kTissueFloats> tissue_vertices_{}, plain_scratch_{}, fat_scratch_{},
      vein_scratch_{};
  int skin_vertices_ = 0, plain_vertices_ = 0, fat_vertices_ = 0, vein_vertices_ = 0;
  float built_cut_ = -1.0f, built_reach_ = -1.0f;

  gfx::VertexArray empty_vao_; // the background triangle needs no attributes

  gfx::Buffer quad_vbo_, cell_vbo_;
  gfx::VertexArray cell_vao_;
  CellBatch cell_batch_;

  gfx::Buffer needle_vbo_, bandage_vbo_;
  gfx::VertexArray needle_vao_, bandage_vao_;
  int needle_vertices_ = 0, bandage_vertices_ = 0;

  TissueLayout layout_;
  BranchSet branches_{};
  std::array<glm::vec4, 2> feeder_{}; // reticular feeder on the skin: two segments x0, z0, x1, z1
  // Baked once per scene / once: the skin's vessel pattern and the fat lobules
  // (see surface_bake.hpp); the shaders sample them.
  gfx::Texture skin_tex_, fat_tex_;
  glm::vec4 skin_rect_{0.0f};
  std::array<float, 8> skin_key_{}; // what the skin texture was baked for
  unsigned seed_ = 1;
  std::array<LabelAnchor, static_cast<std::size_t>(Anchor::Count)> anchors_{};
  InputGuard guard_; // checks every sample, scene and camera value before use
};

} // namespace render
