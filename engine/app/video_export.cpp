#include "app/video_export.hpp"

#include "app/headless.hpp"
#include "core/clock.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic_file.hpp"
#include "core/interrupt.hpp"
#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "render/director.hpp"
#include "scene/beats.hpp"
#include "scene/safety.hpp"
#include "text/locale.hpp"
#include "text/spaces.hpp"
#include "ui/line_break.hpp"

namespace app {
namespace {

bool onPath(const std::string& tool) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string dirs(path);
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = dirs.find(':', start);
    const std::string dir =
        dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::error_code ec;
    if (!dir.empty() && std::filesystem::exists(dir + "/" + tool, ec)) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

std::string shellQuoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Less than 1 MiB free where the video was going.
bool diskFull(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path p(path);
  const auto space = std::filesystem::space(
      p.has_parent_path() ? p.parent_path() : std::filesystem::path("."), ec);
  return !ec && space.available < (1u << 20);
}

// ffmpeg stopped at this session's file-size limit (ulimit -f; it ignores
// SIGXFSZ as we do): the file it wrote is exactly as long as the limit.
bool overSizeLimit(const std::string& written) {
  struct rlimit limit;
  struct stat st;
  return ::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
         ::stat(written.c_str(), &st) == 0 &&
         static_cast<unsigned long long>(st.st_size) >= limit.rlim_cur;
}

// A fresh file for ffmpeg's messages in the temporary folder.
std::string ffmpegLog() {
  const char* dir = std::getenv("TMPDIR");
  std::string name = std::string(dir && *dir ? dir : "/tmp") + "/sclerosim-ffmpeg-XXXXXX";
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return "/dev/null";
  ::close(fd);
  return name;
}

std::string lastLine(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last;
}

// The top-level boxes of an MP4 tile the file exactly and include the movie
// header: a truncated file (a full disk while writing the trailer) does not.
bool completeMp4(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  const auto end = static_cast<unsigned long long>(in.tellg());
  unsigned long long at = 0;
  bool moov = false;
  while (at + 8 <= end) {
    unsigned char h[16];
    in.seekg(static_cast<std::streamoff>(at));
    if (!in.read(reinterpret_cast<char*>(h), 8)) return false;
    unsigned long long size = (unsigned long long)h[0] << 24 | (unsigned long long)h[1] << 16 |
                              (unsigned long long)h[2] << 8 | h[3];
    if (std::string(reinterpret_cast<char*>(h + 4), 4) == "moov") moov = true;
    if (size == 1) { // 64-bit size follows
      if (!in.read(reinterpret_cast<char*>(h + 8), 8)) return false;
      size = 0;
      for (int i = 8; i < 16; ++i) size = size << 8 | h[i];
    } else if (size == 0) {
      size = end - at; // to the end of the file
    }
    if (size < 8 || at + size > end) return false;
    at += size;
  }
  return moov && at == end;
}

} // namespace

std::string ffmpegCommand(glm::ivec2 size, int fps, const std::string& output_path) {
  // Raw RGBA frames on stdin, top row first (gfx::readPixels order).
  return "ffmpeg -hide_banner -loglevel error -y -f rawvideo -pix_fmt rgba -s " +
         std::to_string(size.x) + "x" + std::to_string(size.y) + " -r " + std::to_string(fps) +
         " -i - -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -movflags +faststart -f "
         "mp4 " +
         shellQuoted(output_path);
}

VideoRecorder::~VideoRecorder() {
  cancel();
}

core::Result<bool> VideoRecorder::begin(glm::ivec2 size, int fps, const std::string& path) {
  cancel();
  if (!onPath("ffmpeg")) {
    return core::Error{"", 0, 0, "recording needs ffmpeg; install the Debian package 'ffmpeg'"};
  }
  if (size.x <= 0 || size.y <= 0 || size.x % 2 != 0 || size.y % 2 != 0) {
    return core::Error{"", 0, 0,
                       "video size must be even (H.264 4:2:0), got " + std::to_string(size.x) +
                           "x" + std::to_string(size.y)};
  }
  // The folder's problems (missing, read-only, full) show here, named after
  // the user's path, before ffmpeg starts.
  auto file = core::AtomicFile::create(path, ".mp4");
  if (!file) return file.errors();
  file_ = std::move(file).value();
  // A reader that goes away (ffmpeg failing) must give a write error, not kill us.
  std::signal(SIGPIPE, SIG_IGN);
  // ffmpeg's messages go to a log we read back on failure: they name the
  // temporary file, the user must see their own path.
  log_ = ffmpegLog();
  pipe_ =
      popen((ffmpegCommand(size, fps, file_.tempPath()) + " 2>" + shellQuoted(log_)).c_str(), "w");
  if (!pipe_) {
    file_.discard();
    removeLog();
    return core::Error{"", 0, 0, "cannot write '" + path + "': cannot start ffmpeg"};
  }
  path_ = path;
  size_ = size;
  frames_ = 0;
  failed_ = false;
  return true;
}

bool VideoRecorder::addFrame(const gfx::Image& frame) {
  if (!pipe_ || failed_) return false;
  if (frame.width != size_.x || frame.height != size_.y) {
    failed_ = true;
    return false;
  }
  failed_ = std::fwrite(frame.rgba.data(), 1, frame.rgba.size(), pipe_) != frame.rgba.size();
  if (!failed_) ++frames_;
  return !failed_;
}

core::Result<bool> VideoRecorder::finish(core::AtomicFile* beside) {
  if (!pipe_) {
    if (beside) beside->discard();
    return core::Error{"", 0, 0, "no recording in progress"};
  }
  const int status = pclose(pipe_);
  pipe_ = nullptr;
  std::string said = lastLine(log_);
  removeLog();
  // ffmpeg may exit 0 after failing to write its trailer (a full disk): only
  // a complete MP4 counts.
  if (failed_ || status != 0 || frames_ == 0 || !completeMp4(file_.tempPath())) {
    for (std::size_t at;
         !file_.tempPath().empty() && (at = said.find(file_.tempPath())) != std::string::npos;)
      said.replace(at, file_.tempPath().size(), path_);
    const bool too_large = overSizeLimit(file_.tempPath());
    file_.discard();
    if (beside) beside->discard();
    if (too_large) return core::writeError(path_, EFBIG);
    if (diskFull(path_)) return core::writeError(path_, ENOSPC);
    return core::Error{"", 0, 0,
                       "cannot write '" + path_ + "': ffmpeg could not encode the video" +
                           (said.empty() ? "" : " (" + said + ")")};
  }
  // fsync, close, rename (ffmpeg wrote the same inode); with `beside`, both or neither.
  if (!beside) return file_.commit();
  return core::commitTogether({&file_, beside});
}

void VideoRecorder::cancel() {
  if (!pipe_) return;
  pclose(pipe_); // ffmpeg sees the end of its input and exits
  pipe_ = nullptr;
  file_.discard();
  removeLog();
}

void VideoRecorder::removeLog() {
  if (!log_.empty()) ::unlink(log_.c_str());
  log_.clear();
}

std::vector<CaptionCue> captionTrack(const std::vector<VideoFrame>& plan) {
  std::vector<CaptionCue> cues;
  const int frames = static_cast<int>(plan.size());
  for (int i = 0; i < frames; ++i) {
    const ui::Caption& c = plan[static_cast<std::size_t>(i)].caption;
    if (!cues.empty() && cues.back().key == c.key && cues.back().end_frame == i) {
      cues.back().end_frame = i + 1;
      continue;
    }
    if (c.text.empty()) continue;
    cues.push_back({i, i + 1, c.key, c.text});
  }
  return cues;
}

double captionReadingTime_s(const std::string& caption) {
  // French "0,5 %" and "traitée :" hold a non-breaking space: as many words as
  // with a plain one (the reading time does not change with the typography).
  const std::string text = text::plainSpaces(caption);
  const auto letters = std::count_if(text.begin(), text.end(), [](char b) {
    return (static_cast<unsigned char>(b) & 0xC0) != 0x80; // one per code point
  });
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) ++words;
  return std::max({kMinCaption_s, 0.5 + static_cast<double>(letters) / kCaptionCharsPerSecond,
                   1.0 + static_cast<double>(words) / kCaptionWordsPerSecond});
}

double stageViewStart_s(const ui::Playback& pb, int stage) {
  const double start = pb.stageStart(stage);
  if (stage == 0) return start; // no previous view to glide from
  return start + static_cast<double>(render::kStageGlide) * pb.stage(stage).duration_s;
}

int videoStageAt(const Session& s, double position) {
  ui::Playback at = s.playback;
  at.seek(position);
  const int stage = at.stageIndex();
  return stage > 0 && position < stageViewStart_s(s.playback, stage) ? stage - 1 : stage;
}

ui::Caption videoCaptionAt(const Session& s, double position, scene::Audience audience,
                           const std::string& lang) {
  ui::Playback at = s.playback;
  at.seek(position);
  // While the camera glides into a stage's view, the picture still shows the
  // previous stage's (videoPlan holds its model time): so does the caption.
  if (const int stage = at.stageIndex(); videoStageAt(s, position) != stage)
    position = s.playback.stageStart(stage) - kBeforeStage_s;
  return ui::captionAt(s.beats, s.playback, position, s.run, audience, lang);
}

std::vector<double> tourFrameTimes(const Session& s, int fps, scene::Audience audience,
                                   const std::string& lang) {
  const auto caption = [&](double t) { return videoCaptionAt(s, t, audience, lang); };
  const int n = tourFrameCount(s, fps);
  std::vector<std::string> keys(static_cast<std::size_t>(n));
  std::vector<bool> shown(static_cast<std::size_t>(n));
  std::vector<int> read_frames(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const ui::Caption c = caption(static_cast<double>(i) / fps);
    keys[i] = c.key;
    shown[i] = !c.text.empty();
    read_frames[i] = static_cast<int>(std::ceil(captionReadingTime_s(c.text) * fps));
  }
  std::vector<double> times;
  times.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n;) {
    int end = i + 1; // this caption's frames: [i, end)
    while (end < n && keys[end] == keys[i]) ++end;
    const int run = end - i;
    const int min_frames = read_frames[i];
    if (!shown[i] || run >= min_frames) {
      for (int k = i; k < end; ++k) times.push_back(static_cast<double>(k) / fps);
    } else {
      // Slow motion across the caption's own stretch of the playback axis.
      for (int k = 0; k < min_frames; ++k) {
        const double held = static_cast<double>(i + k * run / min_frames) / fps;
        const double t = static_cast<double>(i) / fps +
                         static_cast<double>(run) * k / (static_cast<double>(min_frames) * fps);
        const double at = caption(t).key == keys[i] ? std::max(t, held) : held;
        // Never back in time: two beats half a second apart (needle in the
        // lumen, blanching) fall back to `held` after a later `t`.
        times.push_back(times.empty() ? at : std::max(at, times.back()));
      }
    }
    i = end;
  }
  // The story ends once its last caption has been read: the rest of the last
  // stage shows nothing new (the end card follows the last beat directly).
  if (!times.empty()) {
    const ui::Caption last = caption(times.back());
    std::size_t first = times.size() - 1;
    while (first > 0 && caption(times[first - 1]).key == last.key) --first;
    const auto read = static_cast<std::size_t>(std::ceil(captionReadingTime_s(last.text) * fps));
    if (times.size() - first > read) times.resize(first + read);
  }
  return times;
}

namespace {

// Where the model's phase that runs up to `time_s` began: the first recorded
// sample of the phase of the last sample before it (an event that ends a phase,
// the needle reaching the vein as the injection starts, is led up to by that phase).
double leadStart(const sim::Run& run, double time_s) {
  auto it = run.samples.rbegin();
  while (it != run.samples.rend() && it->time_s >= time_s) ++it;
  if (it == run.samples.rend()) return time_s;
  const sim::Phase phase = it->phase;
  double start = it->time_s;
  for (; it != run.samples.rend() && it->phase == phase; ++it) start = it->time_s;
  return start;
}

bool startsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

// A key moment in seconds (needle in, blanching, spasm, ...): its caption's
// first half shows the tour's still of it, the model at its event; then the
// model runs on, slowed, to where the caption's last frame had it. (The model
// injects from the instant the tip is in: played on at once, the lumen was
// pale a tenth of a second into "the needle tip is now inside the vein",
// before the words for it; the video review's f008.)
void openOnTheStill(const Session& s, const ui::StoryBeat& beat, std::vector<VideoFrame>& plan,
                    std::size_t a, std::size_t b) {
  // Only where the key moment begins: a second caption of the same moment
  // (the stocking's, lying then up and walking) shows the model as it says.
  if (a > 0 && ui::beatAt(s.beats, s.playback, plan[a - 1].position_s) == &beat) return;
  // Only its own stage's frames: those gliding into the next stage's view keep
  // the model where this stage left it (holdWhileTheCameraGlides).
  ui::Playback pb = s.playback;
  for (; b > a; --b) {
    pb.seek(plan[b - 1].position_s);
    if (pb.stageIndex() == beat.stage) break;
  }
  const double still =
      recordedAtOrAfter(s.run, scene::stillTime_s(beat.event, beat.sim_time_s, s.run));
  if (b - a < 2) return;
  const double end = plan[b - 1].model_time_s;
  if (end <= still) {
    // The still lies past where the caption's frames had got to (the spasm at
    // its narrowest, seconds after its event): they show the still throughout.
    for (std::size_t k = a; k < b; ++k) plan[k].model_time_s = still;
    return;
  }
  const std::size_t half = a + (b - a) / 2;
  for (std::size_t k = a; k < b; ++k)
    plan[k].model_time_s = k < half ? still
                                    : still + (end - still) * static_cast<double>(k - half + 1) /
                                                  static_cast<double>(b - half);
}

// The frames [a, b) share one caption: let their picture show what it says.
void showWhatTheCaptionSays(const Session& s, std::vector<VideoFrame>& plan, std::size_t a,
                            std::size_t b) {
  ui::Playback pb = s.playback;
  pb.seek(plan[a].position_s);
  const int stage = pb.stageIndex();
  const ui::StoryBeat* first = nullptr; // the stage's first beat
  for (const ui::StoryBeat& beat : s.beats)
    if (beat.stage == stage && !first) first = &beat;
  const std::string& key = plan[a].caption.key;
  if (startsWith(key, "beat.")) {
    // A beat's caption never runs ahead of its event: one that opens its
    // stage holds the picture at its event until the playback reaches it.
    // One the clock counts in days (the cord, fading, barely visible) shows
    // its event's day while it is read: the clock says the model's day, as the
    // outcome does ("barely visible from day 37 (week 6)"), not a day the
    // playback reached meanwhile (the video said "barely visible" at day 44).
    const ui::StoryBeat* opened = nullptr; // the beat whose caption this is
    for (std::size_t k = a; k < b; ++k) {
      const ui::StoryBeat* shown = ui::beatAt(s.beats, s.playback, plan[k].position_s);
      if (!shown) shown = first;
      if (!shown) continue;
      if (!opened) opened = shown;
      plan[k].model_time_s = shown->sim_time_s >= core::kSecondsPerDay
                                 ? recordedAtOrAfter(s.run, shown->sim_time_s) // as the tour
                                 : std::max(plan[k].model_time_s, shown->sim_time_s);
    }
    if (opened && opened->sim_time_s < core::kSecondsPerDay) openOnTheStill(s, *opened, plan, a, b);
    return;
  }
  if (!startsWith(key, "stage.") || !first) return;
  // The stage's opening caption tells what leads to its first beat (the needle
  // coming in): its frames play the model's phase that ends in that beat,
  // slowed to the caption's frames, where the playback would still show the
  // time before it.
  const double lead = leadStart(s.run, first->sim_time_s);
  if (plan[a].model_time_s >= lead || first->sim_time_s <= lead) return;
  const double n = static_cast<double>(b - a);
  for (std::size_t k = a; k < b; ++k)
    plan[k].model_time_s = lead + (first->sim_time_s - lead) * static_cast<double>(k - a + 1) / n;
}

// While the camera glides from one stage's view into the next, the picture
// keeps the model as the previous stage last showed it, under that stage's
// caption (videoCaptionAt): the new caption and the new stage's model arrive
// together, with the new view.
void holdWhileTheCameraGlides(const Session& s, std::vector<VideoFrame>& plan) {
  ui::Playback pb = s.playback;
  for (std::size_t i = 1; i < plan.size(); ++i) {
    pb.seek(plan[i].position_s);
    const int stage = pb.stageIndex();
    if (stage == 0 || plan[i].position_s >= stageViewStart_s(s.playback, stage)) continue;
    // The frame before is the previous stage's last, or held to it already.
    plan[i].model_time_s = plan[i - 1].model_time_s;
  }
}

void appendEndCard(std::vector<VideoFrame>& plan, int fps, const Session& s,
                   const std::string& lang) {
  const VideoFrame last = plan.empty() ? VideoFrame{} : plan.back();
  for (const VideoEndCard& c : videoEndCards(lang, s.scene.params, s.run.outcome)) {
    const int hold = static_cast<int>(
        std::ceil(std::max(kEndCardCue_s, captionReadingTime_s(c.caption.text)) * fps));
    for (int k = 0; k < hold; ++k)
      plan.push_back({last.position_s, last.model_time_s, c.caption, true, last.stage, c.card});
  }
}

} // namespace

std::vector<VideoFrame> videoPlan(const Session& s, int fps, scene::Audience audience,
                                  const std::string& lang, bool with_end_card) {
  std::vector<VideoFrame> plan;
  ui::Playback pb = s.playback;
  for (const double p : tourFrameTimes(s, fps, audience, lang)) {
    pb.seek(p);
    plan.push_back(
        {p, pb.simTime(), videoCaptionAt(s, p, audience, lang), false, videoStageAt(s, p), {}});
  }
  for (std::size_t a = 0; a < plan.size();) {
    std::size_t b = a + 1;
    while (b < plan.size() && plan[b].caption.key == plan[a].caption.key) ++b;
    showWhatTheCaptionSays(s, plan, a, b);
    a = b;
  }
  holdWhileTheCameraGlides(s, plan);
  if (with_end_card) appendEndCard(plan, fps, s, lang);
  return plan;
}

namespace {

// "<heading> <item>; <item>; ..." from catalogue entries (video.end.list joins them).
std::string listCaption(const text::Locale& L, const std::string& heading,
                        const std::vector<std::string>& items) {
  // The heading starts the list, so that the first item is not taken for the
  // start of a sentence (a value opening a text is capitalised).
  std::string list;
  for (const std::string& item : items)
    list = list.empty() ? heading + " " + item
                        : L.tr("video.end.list", {{"first", list}, {"rest", item}});
  // A card is one sentence: it ends as one (not mid-air after its last item).
  return list.empty() ? heading : L.tr("video.end.list_end", {{"list", list}});
}

// A card of whole sentences: its caption is the heading and the sentences in
// turn; `bullets`: one bullet each on screen (separate facts, not one instruction).
VideoEndCard sentenceCard(const char* key, const std::string& heading,
                          const std::vector<std::string>& sentences, bool bullets = false) {
  std::string words = heading;
  for (const std::string& s : sentences) words += (words.empty() ? "" : " ") + s;
  return {{key, words}, {heading, std::nullopt, sentences, bullets, ""}};
}

// A card listing items under its heading (bullets on screen, one sentence in the track).
VideoEndCard listCard(const text::Locale& L, const char* key, const std::string& heading,
                      std::optional<scene::Urgency> urgency,
                      const std::vector<std::string>& items) {
  return {{key, listCaption(L, heading, items)}, {heading, urgency, items, true, ""}};
}

} // namespace

std::vector<VideoEndCard> videoEndCards(const std::string& lang, const sim::Params& p,
                                        const sim::Outcome& o) {
  const text::Locale& L = text::locale(lang);
  std::vector<VideoEndCard> cards;
  // In the order a patient meets them: who should not have it (before the
  // treatment), the supervised walk, the stocking and the first days, what is
  // normal, the warning signs, then the sessions ahead: the video ends calm,
  // not on a list of alarms or of reasons to refuse.
  // Who should not have it (pregnancy: put off), in the short forms of the app's box.
  const scene::SafetySection& contra = scene::contraindications();
  std::vector<std::string> items;
  for (const char* k : contra.item_keys) items.push_back(L.tr(scene::boxItemKey(k)));
  cards.push_back(listCard(L, contra.title_key, L.tr(contra.title_key), std::nullopt, items));
  cards.push_back(sentenceCard("video.end.walk", "", {L.tr("video.end.walk")}));
  // The stocking, what to do when it is too tight (where one is worn), the first days.
  std::vector<std::string> care{scene::stockingText(p, o, L)};
  if (const std::string tight = scene::stockingTightText(p, o, L); !tight.empty())
    care.push_back(tight);
  care.push_back(L.tr("safety.after.care"));
  cards.push_back(sentenceCard("safety.after.care", "", care));
  // What is normal afterwards, before what is not: a worried patient needs
  // both. The case's list, as the panel and the handout print it.
  std::vector<std::string> normal;
  for (const char* k : scene::normalAfterwards(o)) normal.push_back(scene::safetyText(k, L));
  if (!normal.empty())
    cards.push_back(sentenceCard("video.end.normal", L.tr("video.end.normal"), normal, true));
  // The warning signs by urgency, grouped and headed as the side panel's
  // Recovery box (one registry: scene::stageSafetyBox), each heading in its
  // urgency's colour.
  if (const auto box = scene::stageSafetyBox(scene::StageKind::Recovery, scene::Audience::Patient))
    for (const scene::SafetyGroup& g : box->groups) {
      std::vector<std::string> signs;
      const std::string tag = g.urgency ? L.tr(scene::urgencyTagKey(*g.urgency)) : std::string();
      for (const char* k : g.item_keys) {
        const std::string item = L.tr(scene::boxItemKey(k, box->audience));
        signs.push_back(g.urgency ? scene::signWithoutTag(item, tag) : item);
      }
      VideoEndCard card =
          listCard(L, g.title_key, scene::safetyText(g.title_key, L), g.urgency, signs);
      // Where to go when the practice is closed: the group's note, its last
      // line on screen (no bullet: it is not a sign) and a sentence of its own
      // after the list in the track
      // (as a list item it read "...or a blister; Practice closed?...").
      if (g.note_key) {
        card.card.note = scene::safetyText(g.note_key, L);
        card.caption.text += " " + scene::safetyText(g.note_key, L);
      }
      cards.push_back(std::move(card));
    }
  cards.push_back(sentenceCard("video.end.sessions", "", {L.tr("video.end.sessions")}));
  return cards;
}

std::vector<ui::Caption> videoEndCard(const std::string& lang, const sim::Params& p,
                                      const sim::Outcome& o) {
  std::vector<ui::Caption> out;
  for (const VideoEndCard& c : videoEndCards(lang, p, o)) out.push_back(c.caption);
  return out;
}

namespace {
std::string srtTime(int frame, int fps) {
  const long ms = std::lround(1000.0 * frame / fps);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld,%03ld", ms / 3600000, ms / 60000 % 60,
                ms / 1000 % 60, ms % 1000);
  return buf;
}
} // namespace

// A player breaks the .srt's lines itself: the spaces in "0.5 %", "< 3 mm" or
// "day 13" go out non-breaking, as the app's own line breaker keeps them.
std::string toSrt(const std::vector<CaptionCue>& cues, int fps) {
  std::string out;
  for (std::size_t i = 0; i < cues.size(); ++i) {
    out += std::to_string(i + 1) + "\n" + srtTime(cues[i].first_frame, fps) + " --> " +
           srtTime(cues[i].end_frame, fps) + "\n" + ui::bindNumberGroups(cues[i].text) + "\n\n";
  }
  return out;
}

std::string captionPathFor(const std::string& video_path) {
  return std::filesystem::path(video_path).replace_extension(".srt").string();
}

int tourFrameCount(const Session& s, int fps) {
  return static_cast<int>(s.playback.length() * fps) + 1;
}

gfx::Image renderTourFrame(Viewer& viewer, Session& s, const gfx::Framebuffer& fb, int index,
                           int fps, bool captions, ui::ScreenActions* actions_out) {
  return renderTourFrameAt(viewer, s, fb, static_cast<double>(index) / fps, captions, actions_out);
}

gfx::Image renderTourFrameAt(Viewer& viewer, Session& s, const gfx::Framebuffer& fb,
                             double position_s, bool captions, ui::ScreenActions* actions_out) {
  // Captions: the presenter layout shows the stage title and narration large.
  const bool presenter = viewer.state().presenter;
  if (captions) viewer.state().presenter = true;
  viewer.state().for_file = true;
  s.playback.seek(position_s);
  ui::ScreenActions ignored;
  ui::ScreenActions& actions = actions_out ? *actions_out : ignored;
  // Video frames are supersampled like every export (the window's cache is
  // drawn anew on its next frame).
  const QualityScope exported(viewer, render::Renderer::Quality::Supersampled);
  fb.bind();
  viewer.frame(fb.size(), actions);
  fb.resolve();
  viewer.state().presenter = presenter;
  viewer.state().for_file = false;
  return gfx::readPixels(fb.size().x, fb.size().y);
}

std::vector<std::string> videoCaptions(const std::vector<VideoFrame>& plan) {
  std::vector<std::string> out;
  for (const VideoFrame& f : plan)
    if (!f.end_card && std::find(out.begin(), out.end(), f.caption.text) == out.end())
      out.push_back(f.caption.text);
  return out;
}

gfx::Image renderVideoFrame(Viewer& viewer, Session& s, const gfx::Framebuffer& fb,
                            const VideoFrame& frame) {
  ui::ScreenState& st = viewer.state();
  st.caption_override = frame.caption.text;
  if (frame.end_card) st.end_card = frame.card;
  st.shown_stage = frame.stage;
  viewer.holdModelTime(frame.model_time_s);
  gfx::Image img = renderTourFrameAt(viewer, s, fb, frame.position_s);
  viewer.holdModelTime(std::nullopt);
  st.caption_override.clear();
  st.end_card.reset();
  st.shown_stage = -1;
  return img;
}

core::Result<bool> recordTour(Viewer& viewer, Session& s, glm::ivec2 size, const std::string& path,
                              double max_seconds) {
  const std::string srt_path = captionPathFor(path);
  if (std::filesystem::path(srt_path).lexically_normal() ==
      std::filesystem::path(path).lexically_normal()) {
    return core::Error{"", 0, 0,
                       "--record: cannot write '" + path +
                           "': the subtitles go beside the video under that name, so the video "
                           "needs a name ending in .mp4"};
  }
  VideoRecorder rec;
  auto started = rec.begin(size, kVideoFps, path);
  if (!started) {
    std::vector<core::Error> errors = started.errors();
    for (core::Error& e : errors) e.message = "--record: " + e.message;
    return errors;
  }
  // The subtitles' folder and name are checked now, not after minutes of frames.
  auto srt_file = core::AtomicFile::create(srt_path);
  if (!srt_file) return srt_file.errors();
  core::AtomicFile srt = std::move(srt_file).value();
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  if (!fb.complete()) return core::Error{"", 0, 0, "cannot create an offscreen framebuffer"};
  ui::ScreenState& st = viewer.state();
  std::vector<VideoFrame> plan = videoPlan(s, kVideoFps, st.audience, st.lang, false);
  const std::size_t whole = plan.size();
  if (max_seconds > 0.0)
    plan.resize(std::min(plan.size(), static_cast<std::size_t>(max_seconds * kVideoFps + 0.5)));
  if (plan.size() == whole) appendEndCard(plan, kVideoFps, s, st.lang); // a cut preview: none
  // The subtitle band is sized once for the longest caption: the picture keeps its size.
  st.video_captions = videoCaptions(plan);
  const int frames = static_cast<int>(plan.size());
  bool ok = true;
  gfx::Image card; // an end card's frames are one still
  for (int i = 0; i < frames && ok && !core::interrupted(); ++i) {
    const VideoFrame& f = plan[static_cast<std::size_t>(i)];
    const bool same_card = f.end_card && i > 0 && plan[static_cast<std::size_t>(i - 1)].end_card &&
                           plan[static_cast<std::size_t>(i - 1)].caption.key == f.caption.key;
    if (!same_card) card = renderVideoFrame(viewer, s, fb, f);
    ok = rec.addFrame(card);
    if (i % (kVideoFps * 5) == 0) std::fprintf(stderr, "record: %3d%%\r", 100 * i / frames);
  }
  st.video_captions.clear();
  if (core::interrupted()) {
    // ffmpeg gets the end of its input and exits; its half-written file and
    // the subtitles' temporary file go, and the older pair stays.
    rec.cancel();
    srt.discard();
    std::fputc('\n', stderr);
    return core::interruptedError();
  }
  std::fprintf(stderr, "record: 100%%\n");
  // The captions the frames showed (the same plan), beside the video: written
  // first, then both replace their names together. A failed write is reported
  // by finish(), after the video's own failure if it has one (a full disk
  // names the video the user asked for).
  (void)srt.write(toSrt(captionTrack(plan), kVideoFps));
  return rec.finish(&srt);
}

} // namespace app
