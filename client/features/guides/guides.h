#pragma once
// HR's conversation templates and playbooks: the list, one guide (HR edits and publishes versions; a
// manager reads, rates and comments), and the picker a 1:1 uses to add a guide's prompts to its agenda.
#include <string>

namespace tandem {
struct CheckInDetail;
struct GuideView;
// "useful 4.2 of 5 · 12 min · 3 ratings"
std::string rating_summary(const GuideView& guide);
}
namespace tandem::client {
class App;
class Registry;

inline constexpr const char* kGuidesScreen = "guides";
inline constexpr const char* kGuideScreen = "guides/guide";

void register_guides(Registry& registry);
// Opens one guide ("new:template" or "new:playbook": HR's form for a new one).
void open_guide(App& app, const std::string& guide_id);
void draw_guides_screen(App& app);
void draw_guide_screen(App& app);
// A button that opens a list of guides; picking one adds its prompts to the 1:1's agenda.
void draw_guide_picker(App& app, const tandem::CheckInDetail& checkin);
} // namespace tandem::client
