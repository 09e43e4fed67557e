#pragma once
#include <optional>
// Turns a FrameInput into draw calls: background, tissue block, bandage,
// needle (with an x-ray ghost of its hidden part) and red cells. Owns its GL
// objects through gfx; allocates nothing per frame.
#include <algorithm>
#include <array>
#include <cstdint>
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
#include "render/pre_press.hpp"
#include "render/spider_pattern.hpp"
#include "render/stocking.hpp"
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
  Swab,
  ScaleStart,
  ScaleEnd,
  Count
};
const char* anchorId(Anchor a);

struct TissueLocs; // one tissue program's uniform locations (renderer.cpp)

// The clot's share of the open lumen (0 when there is hardly any), as drawn.
float clotShare(const sim::Sample& s);
// 0..1: how far a clot in an open, unbonded lumen has organised (recanalization):
// the model's sim::organisedClot.
float clotOrganised(const sim::Sample& s);
// How thin the stream of returning blood is (0 = the lumen full of blood .. 1
// = none flows): 1 - the model's flow (speed x lumen area) over the resting
// flow. tissue.frag draws the stream over what sclerosant is left.
float returningTrickle(const sim::Sample& s);
// The blood's share (0..1) of what shows of the vein on the skin: the model's
// visibility is max(stain, blood in the lumen); the rest is the stain, drawn
// brownish (tissue.frag skinSurface), so fading shows as a change of colour.
float bloodShownShare(const sim::Sample& s);
// How much of the vein's colour on the skin is that stain (0..1): the stain's
// share, coming in as the visibility falls to the FadingVisible threshold.
float stainShown(const sim::Sample& s);
// 0..1: how far the vein's cut face is drawn in the pale cord colour instead of
// its lumen, clot and walls (tissue.frag mirrors it: smoothstep(0.48, 0.5, fibrosis),
// the cord at the model's Cord event, the clot's and walls' own colours before). The labels follow
// it: past 0.5 the picture shows a cord round what clot it still holds.
float cordShade(const sim::Sample& s);
// 0..1: how far the pressed vein's walls are drawn as one bonded band, the
// legend's "Walls bonded" (tissue.frag VEIN_SEALED: smoothstep(0.4, 0.5, seal)
// x smoothstep(0.5, 0.8, waist) x (1 - fibrosis)).
float bondedShade(const sim::Sample& s);
// The name of what the vein wall's anchor sits on, as a label id: the bonded
// band where the picture mostly draws it ("vein_wall_bonded": the legend's
// word, round-10 student review: "Vein wall (media, adventitia)" pointed at the
// band the legend calls "Walls bonded"), else the wall ("vein_wall").
const char* wallLabelId(const sim::Sample& s);
// Reabsorption: how large the vein's structures are drawn (tissue.frag
// uVein.w), 1 until fibrosis, then shrinking with the model's visibility to
// 0.35 of their size as the cord is cleared.
float structureScale(const sim::Sample& s);
// The clot the cord formed round (tissue.frag VEIN_CORD): the lumen's own shape
// shrunk by this factor, sqrt of the model's clot share of the lumen, so its
// area is the trapped clot's; 0 when none is drawn.
float cordCoreScale(const sim::Sample& s);
// Where the clot shows on the cut face, relative to the vein's centre (mm):
// the label's anchor (mirrors tissue.frag). In the cord, its trapped clot.
glm::vec2 thrombusSpot(const TissueLayout& layout, const sim::Sample& s);
// A point in the cord's pale tissue on the cut face, relative to the vein's
// centre (mm): halfway between the trapped clot's edge and the section's
// outer edge (mirrors tissue.frag).
glm::vec2 cordSpot(const TissueLayout& layout, const sim::Sample& s);
// The wall's thickness as tissue.frag draws it (mm): a narrowed lumen's wall
// thickens, keeping its area.
float drawnWall(const TissueLayout& layout, const sim::Sample& s);
// How far the opened plane's section turns from the horizontal cut above the
// axis to the lengthwise one through it, 0..1, as the lumen flattens
// (tissue.frag openedTilt): pressed flat, the opened vein shows its walls
// together with the slit between them.
float openedTilt(const sim::LumenShape& lumen);
// Where the opened plane's section crosses the lumen's (grow = 0) or the wall's
// outer (grow = the wall) outline, as x on the plane (mm) from the left
// crossing to the right one; nullopt where it misses it. `height`: the plane
// above the vein's axis (mm).
std::optional<glm::vec2> openedCrossing(const TissueLayout& layout, const sim::LumenShape& lumen,
                                        float height, float grow);
// A point in the upper wall (media, adventitia) on the cut face, relative to the
// vein's centre (mm): the "Vein wall" label's anchor (mirrors tissue.frag).
glm::vec2 wallSpot(const TissueLayout& layout, const sim::Sample& s);

class Renderer {
public:
  // How a frame is put together (see renderer_frame.cpp).
  enum class Quality {
    Direct,       // every part every frame at the target's resolution (goldens, references)
    Supersampled, // every part every frame at kSupersample x kSupersample, box-filtered down
                  // (exports)
    Cached,       // the window: the still block kept between frames (anti-aliased while all
                  // of it stays still), only what changes drawn each frame
  };
  static constexpr int kSupersample = 2;
  // After the skin alone changed (blanching in steps while the timeline
  // plays), the still block is cached at 1x until the skin has rested this
  // many frames: a supersampled block costs four times the shading, and the
  // next step would throw it away. Camera moves do not count: the frame the
  // camera comes to rest is sharp at once.
  static constexpr int kSkinSettleFrames = 30;
  // What the cache did so far (tests, --bench).
  struct CacheStats {
    long direct = 0;    // frames drawn without the cache (everything moving)
    long builds = 0;    // frames that drew the still parts into the cache
    long hits = 0;      // frames that reused it
    long reduced = 0;   // of the direct ones: drawn at reduced resolution (the camera moving)
    int scale = 0;      // the last cached block's supersampling (1 or kSupersample)
    unsigned parts = 0; // and which parts it held
  };

  // Ready for `scene` (setScene's work done once: the skin's bake is the
  // biggest part of a renderer's start, so a caller that knows its scene
  // passes it here rather than baking the default one first).
  static core::Result<std::unique_ptr<Renderer>> create(const std::string& shader_dir,
                                                        const sim::Params& scene = sim::Params{});
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Rebuilds the layout-dependent meshes; call when the scene's vein changes.
  void setScene(const sim::Params& params);
  // Draws into the currently bound framebuffer's viewport rectangle. Every
  // value of `in` passes the InputGuard first: bad numbers are clamped and logged.
  void render(const FrameInput& in, glm::ivec2 viewport_origin, glm::ivec2 viewport_size);

  void setQuality(Quality q) { quality_ = q; }
  // Samples per axis when supersampling (default kSupersample; a test renders
  // its reference with more).
  void setSupersample(int n) { supersample_ = std::clamp(n, 1, 16); }
  // While the camera moves (Cached quality), the view is drawn at 1/n of the
  // resolution per axis and scaled up; 1 = full resolution. Sharp again (and
  // supersampled) as soon as the camera rests. n is the least factor: a
  // larger view is reduced further (movingReductionFor).
  // Off: the vein is drawn with every state block of tissue.frag compiled in,
  // not the variant with only the blocks this frame shows (the reference the
  // variants must match to the bit, tests).
  void setVeinVariants(bool on) { vein_variants_ = on; }
  // The cut faces always drawn with the extras (the tests' reference: their
  // only extra, the wheal's fluid, is also guarded in the shader); by default
  // only while a wheal shows.
  void setCutExtrasAlways(bool on) { cut_extras_always_ = on; }
  // Whether the last frame drew the cut faces with the extras.
  bool cutExtrasShown() const { return cut_set_ != 0; }
  // Whether the cut faces' variants with the extras were made (buildCutExtras).
  bool cutExtrasBuilt() const;
  // The vein's state blocks the last frame's colours could use (bit i: the
  // i-th of tissue.frag's kVeinBlocks VEIN_* blocks, renderer.cpp), whether
  // or not they were compiled out.
  unsigned veinBlocksShown() const { return vein_blocks_; }
  // The vein variants kept at most: each holds about 1.7 MB of llvmpipe code,
  // and a timeline shows about a dozen (20 over the soak's parameter sets,
  // 34 MB). Dropping the least recently used bounds memory; building one
  // again costs under 5 ms from Mesa's shader disk cache (about 115 ms
  // without it, as on the very first run). One: a timeline's variants come
  // one after another, so a 1080p scrub there and back (500 frames) builds 26
  // with one kept (22 with two before the thirteenth round; 31 with one, before
  // the cut faces dropped the skin's extras), at the same p95/p99 frame times,
  // for 1.5 MB less (docs/performance.md, thirteenth round; four to two: eleventh).
  static constexpr std::size_t kVeinVariantsKept = 1;
  std::size_t veinVariantsHeld() const;
  // Whether the supersampling tile's target is held now: made by the first
  // supersampled build or export and kept for the next (2.3 MB at 1080p; see
  // renderCached for why it is not released).
  bool supersamplingTileHeld() const { return tile_target_.size().x > 0; }
  static constexpr int kVeinBlocks = 6;
  void setMovingReduction(int n) { moving_reduction_ = std::clamp(n, 1, kMaxMovingReduction); }
  static constexpr int kMovingReduction = 2;
  static constexpr int kMaxMovingReduction = 4;
  // Pixels the reduced view may have: 1280x720 at the default factor 2. The
  // shading of a moving frame scales with them, so a 1920x1080 view (factor 3)
  // costs about what a 1280x720 one does, with a picture as detailed.
  static constexpr long kMovingPixels = 1280L * 720L / 4L;
  // The factor used for a view of `size` with least factor `least`: the
  // smallest n >= least whose reduced view has at most kMovingPixels (at most
  // kMaxMovingReduction); 1 stays 1 (full resolution asked for).
  static int movingReductionFor(glm::ivec2 size, int least);
  Quality quality() const { return quality_; }
  // Forgets the cached block: the next frame draws it anew.
  void dropCache() { cache_.valid = false; }
  const CacheStats& cacheStats() const { return stats_; }

  const std::array<LabelAnchor, static_cast<std::size_t>(Anchor::Count)>& anchors() const {
    return anchors_;
  }
  const TissueLayout& layout() const { return layout_; }
  // The stocking as the last frame drew it (off when it was not drawn).
  const StockingShape& stocking() const { return stocking_; }
  // Where the needle tip is for a given insertion (also the wheal centre).
  glm::vec3 needleTip(const sim::Params& params, double insertion) const;
  // Where the tip stops when fully inserted (lumen, or the dermis beside it).
  glm::vec3 needleTipTarget(const sim::Params& params) const;

  static constexpr int kResolveColourUnit = 3, kResolveDepthUnit = 4; // texture units

private:
  Renderer() = default;
  // The parts of a frame, in drawing order. kOverCache: the vein is drawn over
  // its underlay in a cached block.
  enum Part : unsigned {
    kSkin = 1u << 0,       // skin tops
    kCut = 1u << 1,        // cut faces away from the vein, and their fat parts
    kUnderlay = 1u << 2,   // the parts around the vein, drawn plain (cache only)
    kVein = 1u << 3,       // the parts around the vein with the vein's maths
    kSolids = 1u << 4,     // compression pad, needle
    kCells = 1u << 5,      // red cells
    kBackground = 1u << 6, // gradient behind everything
    kOverCache = 1u << 7,
  };
  static constexpr unsigned kAllParts = kSkin | kCut | kVein | kSolids | kCells | kBackground;
  // Groups of still parts with a key each: the skin tops; the cut faces (with
  // the underlay and the background).
  static constexpr std::size_t kGroupSkin = 0, kGroupCut = 1, kGroups = 2;

  void prepareTissue(const FrameInput& in);
  void uploadTissue(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj,
                    glm::ivec2 size);
  void prepareCells(const FrameInput& in, const Palette& pal);
  // This frame's tissue programs (frame_progs_): the variant set's, the vein's
  // with `vein_blocks` of its state blocks (all when setVeinVariants(false);
  // made the first time it is needed).
  void dropLeastRecentVeinVariant();
  // The plain and fat cut faces' variants with the wheal's fluid, made the
  // first time a wheal shows (most scenes never show one); false if they did
  // not build (then none is kept, and no later frame tries again).
  bool buildCutExtras();
  void selectTissuePrograms(unsigned vein_blocks);
  // The pose on every program; `tile` maps a supersampling tile back onto the
  // view (background), `scale` is its supersampling.
  void setViewProj(const glm::mat4& view_proj, glm::vec4 tile = {1.0f, 1.0f, 0.0f, 0.0f},
                   float scale = 1.0f);
  void drawParts(unsigned parts, const FrameInput& in, const Palette& pal,
                 const glm::mat4& view_proj);
  void drawSolids(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj);
  void drawCells();
  // Draws `parts` at `scale` x the target's resolution, tile by tile, and
  // box-filters each tile into the framebuffer `dst` at `dst_origin`.
  void drawTiled(unsigned parts, const FrameInput& in, const Palette& pal,
                 const glm::mat4& view_proj, glm::ivec2 size, int scale, unsigned dst,
                 glm::ivec2 dst_origin);
  // Copies `src` (scale x the viewport) into the bound framebuffer's viewport.
  void resolve(const gfx::RenderTarget& src, int scale, glm::ivec2 dst_origin);
  // Everything at 1/moving_reduction_ of `size`, scaled up into the viewport.
  void drawReduced(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj,
                   glm::ivec2 origin, glm::ivec2 size);
  void renderCached(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj,
                    glm::ivec2 origin, glm::ivec2 size);
  void updateAnchors(const FrameInput& in, const glm::mat4& view_proj, glm::ivec2 size);

  struct TissueUniforms;
  // tissue.frag's variants: skin, vein, plain, fat; then the same with the
  // extras (see renderer.cpp). The vein's slots stay empty: its programs, one
  // per set of state blocks, are made when first drawn; so are the plain and
  // fat faces' with the extras (buildCutExtras).
  std::array<gfx::Program, 8> tissue_progs_;
  // This frame's skin, vein, plain and fat programs and their locations.
  std::array<const gfx::Program*, 4> frame_progs_{};
  std::array<const TissueLocs*, 4> frame_locs_{};
  bool vein_variants_ = true;
  unsigned vein_blocks_ = 0; // the last frame's (veinBlocksShown)
  gfx::Program background_, cells_, solid_, resolve_, upscale_;
  std::unique_ptr<TissueUniforms> tu_;
  gfx::Buffer tissue_vbo_;
  gfx::VertexArray tissue_vao_;
  // Up to 3 boxes x 6 faces x 128 parts x 6 vertices x 10 floats: skin tops,
  // then plain cut faces, fat parts, then the cut faces' parts around the vein
  // (the pressed front slab is split across x along the stocking's dent, the
  // far slab across x and z under the wheal).
  static constexpr std::size_t kTissueFloats = 3 * 6 * 128 * 6 * 10;
  // Room for the worst case (2.2 MB for the four), left uninitialised: only
  // the part a frame's faces write is ever read (the counts below), so the
  // pages beyond it are never touched and never become resident (a zeroed
  // array made all of it resident; docs/performance.md, eleventh round).
  struct Scratch {
    Scratch() : data(new float[kTissueFloats]) {}
    float* begin() const { return data.get(); }
    std::unique_ptr<float[]> data;
  };
  Scratch tissue_vertices_, plain_scratch_, fat_scratch_, vein_scratch_;
  int skin_vertices_ = 0, plain_vertices_ = 0, fat_vertices_ = 0, vein_vertices_ = 0;
  float built_cut_ = -1.0f, built_reach_ = -1.0f;
  bool built_dented_ = false, built_bumped_ = false;

  gfx::VertexArray empty_vao_; // the background triangle needs no attributes

  gfx::Buffer quad_vbo_, cell_vbo_;
  gfx::VertexArray cell_vao_;
  CellBatch cell_batch_;
  int cell_count_ = 0; // laid out for this frame

  gfx::Buffer needle_vbo_, bore_vbo_, bandage_vbo_;
  gfx::VertexArray needle_vao_, bore_vao_, bandage_vao_;
  int needle_vertices_ = 0, bore_vertices_ = 0, bandage_vertices_ = 0;
  StockingShape stocking_, built_stocking_; // this frame's; the one bandage_vbo_ holds
  std::array<float, kStockingFloats> stocking_vertices_{};
  // Where the skin was before the stocking pressed it: sized in pixels of
  // this frame's view (prePressStyleFor), rebuilt when it or the dent changes.
  gfx::Buffer pre_press_vbo_;
  gfx::VertexArray pre_press_vao_;
  PrePressStyle pre_press_style_, built_pre_press_style_;
  StockingShape built_pre_press_stocking_;
  PrePressMesh pre_press_mesh_;
  std::array<float, kPrePressFloats> pre_press_vertices_{};
  void drawPrePress(const Palette& pal);

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

  // Frame structure (renderer_frame.cpp).
  Quality quality_ = Quality::Direct;
  int supersample_ = kSupersample;
  int moving_reduction_ = kMovingReduction;
  // This frame's variant sets (0, or kTissueVariants: with the extras) for the
  // skin and for the cut faces (plain, fat and the vein): the skin's extras are
  // the wheal's dome, the swab, the redness and the stain; the cut faces' only
  // the wheal's fluid, so they need them in far fewer frames.
  std::size_t skin_set_ = 0, cut_set_ = 0;
  bool cut_extras_failed_ = false, cut_extras_always_ = false;
  unsigned geometry_gen_ = 0, scene_gen_ = 0; // bumped when the faces or the scene change
  std::array<std::uint64_t, kGroups> keys_{}, last_keys_{}; // this frame's, the previous one's
  bool have_last_keys_ = false;
  int skin_rest_frames_ = kSkinSettleFrames; // frames since the skin alone last changed
  struct Cache {
    bool valid = false;
    unsigned parts = 0;
    int scale = 0;
    std::array<std::uint64_t, kGroups> keys{};
  } cache_;
  gfx::RenderTarget cache_target_, tile_target_, reduced_target_;
  bool blit_failed_ = false; // this GL cannot blit the cached depth in: use the resolve shader
  std::array<int, 3> resolve_locs_{-1, -1, -1}; // uScale, uDstOrigin, uSrcOrigin
  CacheStats stats_;
};

} // namespace render
