#pragma once
// Glue between Dear ImGui's SDL2 backend and our Window. Lives in platform/
// because the backend speaks SDL; callers see no SDL type.
namespace platform {

class Window;

bool imguiInitBackend(Window& window); // after ImGui::CreateContext
void imguiNewFrame();
void imguiShutdownBackend();
// Feeds one SDL_Event (passed opaquely) to ImGui; true when ImGui wants it.
bool imguiProcessEvent(const void* sdl_event);

} // namespace platform
