#pragma once
// Video export: an ffmpeg process fed raw RGBA frames (VideoRecorder), used by
// --record (the whole tour, presenter captions burned in) and by the window's
// Record button (one frame per UI frame, cancellable).
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "ui/story.hpp"

namespace app {

inline constexpr int kVideoFps = 30;

// Builds the ffmpeg command line (exposed for tests).
std::string ffmpegCommand(glm::ivec2 size, int fps, const std::string& output_path);

// Writes an MP4 incrementally: begin, addFrame per frame, then finish (the
// temp file beside the target is renamed into place) or cancel (the temp file
// is removed). Nothing is left behind on failure; the destructor cancels.
// The temp file is a core::AtomicFile made before ffmpeg starts, so a missing
// or read-only folder is reported as such, with the user's path.
class VideoRecorder {
public:
  VideoRecorder() = default;
  ~VideoRecorder();
  VideoRecorder(const VideoRecorder&) = delete;
  VideoRecorder& operator=(const VideoRecorder&) = delete;

  // Checks ffmpeg, the even size and the folder; starts ffmpeg.
  core::Result<bool> begin(glm::ivec2 size, int fps, const std::string& path);
  // Frame rows top first (gfx::readPixels order), exactly the begun size.
  // Returns false when the frame could not be written (finish then fails).
  bool addFrame(const gfx::Image& frame);
  // Ends the video. `beside` (the subtitles), written but not committed, is
  // committed together with it: both files replace their names or neither
  // does (core::commitTogether); it is discarded when the video fails.
  core::Result<bool> finish(core::AtomicFile* beside = nullptr);
  void cancel();
  bool active() const { return pipe_ != nullptr; }
  int frames() const { return frames_; }
  glm::ivec2 size() const { return size_; }
  const std::string& path() const { return path_; }

private:
  std::FILE* pipe_ = nullptr;
  core::AtomicFile file_; // ffmpeg writes its temp file; finish() commits it
  std::string log_;       // ffmpeg's stderr, read back on failure
  void removeLog();
  std::string path_;
  glm::ivec2 size_{0, 0};
  int frames_ = 0;
  bool failed_ = false;
};

// Frames needed to play the whole session at `fps` (first and last included).
int tourFrameCount(const Session& session, int fps);

// Every caption of a recording stays at least this long on screen (read aloud
// or read by a patient): key moments shorter on the playback axis play slower.
inline constexpr double kMinCaption_s = 3.0;
// Reading speed for burned-in captions: subtitle guidelines allow 15-17
// characters a second for adults; a worried patient reads slower, so 12.
inline constexpr double kCaptionCharsPerSecond = 12.0;
// A worried patient reads about 3 words a second (short words in Spanish or
// French count as much as long ones in German): a second to find the caption,
// then this rate, whichever of the two rules needs longer.
inline constexpr double kCaptionWordsPerSecond = 3.0;
// How long `text` stays on screen: kMinCaption_s, or longer by its length
// (half a second to find it, then kCaptionCharsPerSecond; or a second, then
// kCaptionWordsPerSecond: the longer), never cut short.
double captionReadingTime_s(const std::string& text);

// Where stage `stage`'s own view begins on the playback axis: after the camera
// has glided from the previous stage's view (render::kStageGlide of the stage).
double stageViewStart_s(const ui::Playback& playback, int stage);
// A position just before a stage's start: the previous stage's last instant.
inline constexpr double kBeforeStage_s = 1e-6;
// The stage a recording's picture shows at playback `position`: the playback's,
// except while the camera glides into a stage's view (before stageViewStart_s),
// when it is still the previous stage's. Its caption, title and clock switch
// with it, when the camera arrives.
int videoStageAt(const Session& session, double position);
// The caption a recording shows at playback `position`: ui::captionAt, except
// while the camera glides into a stage's view (videoStageAt), when the previous
// stage's last caption stays: a caption switches with its picture.
ui::Caption videoCaptionAt(const Session& session, double position, scene::Audience audience,
                           const std::string& lang);

// The playback position of each frame of the recorded tour at `fps`: the
// playback clock, except that a caption (videoCaptionAt) shown for less than
// its captionReadingTime_s is played slower until it fills that (holding a frame
// where slowing would show the next caption early). Never goes backwards, so
// the captions keep the model's order. The story ends once its last caption has
// been read: what the last stage plays after it shows nothing new.
std::vector<double> tourFrameTimes(const Session& session, int fps, scene::Audience audience,
                                   const std::string& lang);

// One frame of a recording: where on the playback axis (stage, camera), the
// model time the picture shows, and the caption on screen (also the .srt's).
struct VideoFrame {
  double position_s = 0.0;
  double model_time_s = 0.0;
  ui::Caption caption;
  bool end_card = false; // a plain card after the story, no picture
  int stage = 0;         // whose title and clock show (videoStageAt)
  ui::EndCard card;      // an end card's heading and lines (caption: their words)
};
// The whole recording, frame by frame (tourFrameTimes, then the end card).
// The picture shows what its caption says, chosen from the model's events: a
// beat's caption shows the model at or after its event (a beat whose caption
// opens its stage is held at its event until the playback reaches it; one the
// clock counts in days, at its event's day, as the tour; one in seconds opens
// on the tour's still of it for half its frames, then the model runs on); a
// stage's opening caption before its first beat shows the model in the phase
// that leads to that beat (the procedure's "a fine needle comes in": the
// needle moving in, never the skin before it). `with_end_card`: false for a
// cut preview.
std::vector<VideoFrame> videoPlan(const Session& session, int fps, scene::Audience audience,
                                  const std::string& lang, bool with_end_card = true);

// Renders video frame `index` of the tour into `fb`'s size and returns its
// pixels; leaves `fb` bound. `captions`: presenter layout (title and narration
// large); otherwise the layout on screen. `actions`: what the user did in this
// frame's UI (the window records between its own frames); nullptr: ignored.
// Frames are for a file: no controls to click (the pen's toolbar) are drawn.
gfx::Image renderTourFrame(Viewer& viewer, Session& session, const gfx::Framebuffer& fb, int index,
                           int fps, bool captions = true, ui::ScreenActions* actions = nullptr);
// The same at playback position `position_s`.
gfx::Image renderTourFrameAt(Viewer& viewer, Session& session, const gfx::Framebuffer& fb,
                             double position_s, bool captions = true,
                             ui::ScreenActions* actions = nullptr);

// Every caption of the story frames of `plan`, once each (ScreenState::video_captions:
// the subtitle band is sized for the longest).
std::vector<std::string> videoCaptions(const std::vector<VideoFrame>& plan);
// One frame of a recording as recordTour draws it (set the viewer's
// video_captions first): the caption in the band below the view, the model at
// the frame's time; an end card alone on a plain background.
gfx::Image renderVideoFrame(Viewer& viewer, Session& session, const gfx::Framebuffer& fb,
                            const VideoFrame& frame);

// The caption track of a recording: one entry per caption shown, from the
// frame it appears on to the frame it is replaced.
struct CaptionCue {
  int first_frame = 0, end_frame = 0; // [first, end)
  std::string key, text;
};
// The cues of `plan`: each caption from its first frame to the frame it is replaced.
std::vector<CaptionCue> captionTrack(const std::vector<VideoFrame>& plan);
// One end card: what it draws, and its caption (the caption track's words: the
// heading and the lines as one sentence, a list joined by video.end.list).
struct VideoEndCard {
  ui::Caption caption;
  ui::EndCard card;
};
// The end cards of a recording, after the last beat, in the order a patient
// meets them: who should not have it, the supervised walk, the stocking and the
// first days (this case's stocking sentence, scene::stockingText), what is
// normal afterwards (this case's list, scene::normalAfterwards, as the panel
// and the handout print it), the warning signs grouped by urgency as the side
// panel's Recovery box groups them (scene::stageSafetyBox: red "call 999 now",
// the locale's number; amber "the practice the same day"), the sessions ahead
// (safety is content: a video must not end on the model alone; nor on a list
// of alarms). Keys "video.end.*" and the safety registry's, in `lang`.
std::vector<VideoEndCard> videoEndCards(const std::string& lang, const sim::Params& p,
                                        const sim::Outcome& o);
// Their captions alone.
std::vector<ui::Caption> videoEndCard(const std::string& lang, const sim::Params& p,
                                      const sim::Outcome& o);
// Each end-card caption stays at least this long on screen (and in the caption
// track), longer when its captionReadingTime_s is.
inline constexpr double kEndCardCue_s = 4.0;
// SubRip text of `cues` at `fps` (players show it beside the MP4).
std::string toSrt(const std::vector<CaptionCue>& cues, int fps);
// "dir/tour.mp4" -> "dir/tour.srt".
std::string captionPathFor(const std::string& video_path);

// Plays the session from the start to the end at `fps`; writes to a temp file
// beside `path` and renames it, so a failed export leaves nothing behind.
// Beside it, the captions burned into the frames as a SubRip track
// (captionPathFor), cue for cue what the frames show (one videoPlan drives
// both): the video and its track replace older files together or not at all
// (an older pair stays a pair); a folder the track cannot be written into is
// reported before the first frame. Right after the last beat's caption, the end
// card (videoEndCard) on a plain background. `max_seconds` > 0 stops after that
// much video (a cut preview: no end card).
core::Result<bool> recordTour(Viewer& viewer, Session& session, glm::ivec2 size,
                              const std::string& path, double max_seconds = 0.0);

} // namespace app
